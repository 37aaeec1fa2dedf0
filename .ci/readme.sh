# Sourced by .ci/run and .ci/new-user-app: what README.md tells a user to run.

# The command on the code line (indented four spaces) right below each `<!-- ci:NAME -->` marker.
readme_commands() {
  awk -v marker="<!-- ci:$1 -->" '
    next_is_command { if ($0 !~ /^    [^ ]/) { print "README.md: no code line below " marker > "/dev/stderr"; exit 1 }
                      sub(/^    /, ""); print; next_is_command = 0; next }
    $0 == marker { next_is_command = 1 }' README.md
}

# The one command below `<!-- ci:NAME -->`; fails unless there is exactly one.
readme_command() {
  local found
  found=$(readme_commands "$1")
  if [ "$(printf '%s\n' "$found" | grep -c .)" -ne 1 ]; then
    echo "README.md must mark exactly one command with <!-- ci:$1 -->" >&2
    return 1
  fi
  printf '%s\n' "$found"
}

# The fenced code block (```lang ... ```) right below `<!-- ci:NAME -->`, without its fences.
readme_block() {
  awk -v marker="<!-- ci:$1 -->" '
    in_block { if ($0 ~ /^```/) { exit } print; next }
    next_is_fence { if ($0 !~ /^```/) { print "README.md: no code block below " marker > "/dev/stderr"; exit 1 }
                    in_block = 1; next }
    $0 == marker { next_is_fence = 1 }' README.md
}
