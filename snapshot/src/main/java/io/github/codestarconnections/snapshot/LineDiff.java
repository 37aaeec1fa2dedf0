package io.github.codestarconnections.snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts by lines, for failure messages: the common head and tail are cut off,
 * and the rest is compared by longest common subsequence (or, past a size where that would cost too
 * much memory, shown as all removed and all added).
 */
final class LineDiff {
  /** Beyond this many cells the middle is not aligned (4 MB of ints at most per side pair). */
  private static final long MAX_CELLS = 1_000_000;

  private LineDiff() {}

  /** One line of the edit script: ' ' kept, '-' only in the old text, '+' only in the new. */
  private record Op(char kind, String line, int oldLine, int newLine) {}

  /**
   * The changes from {@code before} to {@code after} with {@code context} lines around each, in
   * unified diff hunks ({@code @@ -old,count +new,count @@}).
   *
   * @param before the old lines
   * @param after the new lines
   * @param context kept lines shown around a change
   * @return the hunks' lines; empty if the texts are equal
   */
  static List<String> unified(List<String> before, List<String> after, int context) {
    List<Op> ops = script(before, after);
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < ops.size()) {
      if (ops.get(i).kind() == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - context);
      int end = i;
      // Extend the hunk over changes less than 2 * context kept lines apart.
      while (end < ops.size()) {
        if (ops.get(end).kind() != ' ') {
          end++;
          continue;
        }
        int run = end;
        while (run < ops.size() && ops.get(run).kind() == ' ') {
          run++;
        }
        if (run == ops.size() || run - end > 2 * context) {
          end = Math.min(ops.size(), end + context);
          break;
        }
        end = run;
      }
      out.add(header(ops.subList(start, end)));
      for (Op op : ops.subList(start, end)) {
        out.add(op.kind() + op.line());
      }
      i = end;
    }
    return out;
  }

  private static String header(List<Op> hunk) {
    int oldStart = 0;
    int newStart = 0;
    int oldCount = 0;
    int newCount = 0;
    for (Op op : hunk) {
      if (op.kind() != '+') {
        oldStart = oldStart == 0 ? op.oldLine() : oldStart;
        oldCount++;
      }
      if (op.kind() != '-') {
        newStart = newStart == 0 ? op.newLine() : newStart;
        newCount++;
      }
    }
    return "@@ -" + oldStart + "," + oldCount + " +" + newStart + "," + newCount + " @@";
  }

  private static List<Op> script(List<String> a, List<String> b) {
    int head = 0;
    while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
      head++;
    }
    int tail = 0;
    while (tail < a.size() - head
        && tail < b.size() - head
        && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
      tail++;
    }
    List<Op> ops = new ArrayList<>();
    for (int k = 0; k < head; k++) {
      ops.add(new Op(' ', a.get(k), k + 1, k + 1));
    }
    middle(a.subList(head, a.size() - tail), b.subList(head, b.size() - tail), head, ops);
    for (int k = tail; k > 0; k--) {
      int oi = a.size() - k;
      int ni = b.size() - k;
      ops.add(new Op(' ', a.get(oi), oi + 1, ni + 1));
    }
    return ops;
  }

  private static void middle(List<String> a, List<String> b, int offset, List<Op> ops) {
    int m = a.size();
    int n = b.size();
    if ((long) (m + 1) * (n + 1) > MAX_CELLS) {
      for (int k = 0; k < m; k++) {
        ops.add(new Op('-', a.get(k), offset + k + 1, 0));
      }
      for (int k = 0; k < n; k++) {
        ops.add(new Op('+', b.get(k), 0, offset + k + 1));
      }
      return;
    }
    // lcs[i][j]: longest common subsequence of a[i..] and b[j..].
    int[][] lcs = new int[m + 1][n + 1];
    for (int i = m - 1; i >= 0; i--) {
      for (int j = n - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    int i = 0;
    int j = 0;
    while (i < m || j < n) {
      if (i < m && j < n && a.get(i).equals(b.get(j))) {
        ops.add(new Op(' ', a.get(i), offset + i + 1, offset + j + 1));
        i++;
        j++;
      } else if (i < m && (j == n || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.add(new Op('-', a.get(i), offset + i + 1, 0));
        i++;
      } else {
        ops.add(new Op('+', b.get(j), 0, offset + j + 1));
        j++;
      }
    }
  }
}
