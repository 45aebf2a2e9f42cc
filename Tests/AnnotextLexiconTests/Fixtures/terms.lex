# a term list with a .lex extension

alliance	alliance
alliance	ally
  # indented comment
nato	NATO
balance-of-power	balance of power
