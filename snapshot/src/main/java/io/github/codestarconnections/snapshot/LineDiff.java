package io.github.codestarconnections.snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff of two texts by lines, for failure messages: the common head and tail are cut off,
 * and the rest is compared by longest common subsequence (or, past a size where that would cost too
 * much memory, shown as all removed and all added).
 */
final class LineDiff {
  /** Beyond this many ints of trace the middle is shown wholesale (16 MB at most). */
  private static final long MAX_CELLS = 4_000_000;

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
    int n = a.size();
    int m = b.size();
    int max = n + m;
    // Myers' O((N+M)D) shortest edit script; trace.get(d) is the furthest x per diagonal before
    // round d, kept to walk the script back.
    List<int[]> trace = new ArrayList<>();
    int[] v = new int[2 * max + 2];
    boolean done = max == 0;
    for (int d = 0; !done; d++) {
      if ((long) (d + 1) * v.length > MAX_CELLS) {
        wholesale(a, b, offset, ops);
        return;
      }
      trace.add(v.clone());
      for (int k = -d; k <= d && !done; k += 2) {
        int x =
            k == -d || (k != d && v[max + k - 1] < v[max + k + 1])
                ? v[max + k + 1]
                : v[max + k - 1] + 1;
        int y = x - k;
        while (x < n && y < m && a.get(x).equals(b.get(y))) {
          x++;
          y++;
        }
        v[max + k] = x;
        done = x >= n && y >= m;
      }
    }
    List<Op> reversed = new ArrayList<>();
    int x = n;
    int y = m;
    for (int d = trace.size() - 1; d >= 0 && (x > 0 || y > 0); d--) {
      int[] before = trace.get(d);
      int k = x - y;
      int prevK = k == -d || (k != d && before[max + k - 1] < before[max + k + 1]) ? k + 1 : k - 1;
      int prevX = d == 0 ? 0 : before[max + prevK];
      int prevY = d == 0 ? 0 : prevX - prevK;
      while (x > prevX && y > prevY) {
        x--;
        y--;
        reversed.add(new Op(' ', a.get(x), offset + x + 1, offset + y + 1));
      }
      if (d > 0) {
        if (x == prevX) {
          y--;
          reversed.add(new Op('+', b.get(y), 0, offset + y + 1));
        } else {
          x--;
          reversed.add(new Op('-', a.get(x), offset + x + 1, 0));
        }
      }
    }
    for (int i = reversed.size() - 1; i >= 0; i--) {
      ops.add(reversed.get(i));
    }
  }

  private static void wholesale(List<String> a, List<String> b, int offset, List<Op> ops) {
    for (int k = 0; k < a.size(); k++) {
      ops.add(new Op('-', a.get(k), offset + k + 1, 0));
    }
    for (int k = 0; k < b.size(); k++) {
      ops.add(new Op('+', b.get(k), 0, offset + k + 1));
    }
  }
}
