# fish completion for danelint
set -l subs lint gen rules explain
complete -c danelint -f
complete -c danelint -n "not __fish_seen_subcommand_from $subs" -a lint -d 'Lint zone files and the planned DANE deployment'
complete -c danelint -n "not __fish_seen_subcommand_from $subs" -a gen -d 'Generate TLSA records from certificates and keys'
complete -c danelint -n "not __fish_seen_subcommand_from $subs" -a rules -d 'List the rule catalogue'
complete -c danelint -n "not __fish_seen_subcommand_from $subs" -a explain -d 'Explain one rule, by code or name'
complete -c danelint -n "not __fish_seen_subcommand_from $subs" -l version -d 'Print version information'
complete -c danelint -s h -l help -d 'Print help and exit'

complete -c danelint -n "__fish_seen_subcommand_from lint" -F
complete -c danelint -n "__fish_seen_subcommand_from lint" -s c -l config -r -F -d 'Config file'
complete -c danelint -n "__fish_seen_subcommand_from lint" -l no-config -d 'Do not read any config file'
complete -c danelint -n "__fish_seen_subcommand_from lint" -s f -l format -x -a 'text json sarif github gitlab junit' -d 'Output format'
complete -c danelint -n "__fish_seen_subcommand_from lint" -s o -l output -r -F -d 'Write the report to a file'
complete -c danelint -n "__fish_seen_subcommand_from lint" -s q -l quiet -d 'Print findings only'
complete -c danelint -n "__fish_seen_subcommand_from lint" -l exit-zero -d 'Exit 0 even with findings'
complete -c danelint -n "__fish_seen_subcommand_from lint" -l baseline -r -F -d 'Report only findings not in this baseline'
complete -c danelint -n "__fish_seen_subcommand_from lint" -l write-baseline -r -F -d 'Record the current findings'
complete -c danelint -n "__fish_seen_subcommand_from lint" -l select -x -a '(danelint rules 2>/dev/null | string split -f 1,2 " " | string match -rv "^\$")' -d 'Rules to run'
complete -c danelint -n "__fish_seen_subcommand_from lint" -l ignore -x -a '(danelint rules 2>/dev/null | string split -f 1,2 " " | string match -rv "^\$")' -d 'Rules to skip'
complete -c danelint -n "__fish_seen_subcommand_from lint" -l now -x -d 'Evaluation time'
complete -c danelint -n "__fish_seen_subcommand_from lint" -l fail-on -x -a 'error warning info' -d 'Lowest failing severity'
complete -c danelint -n "__fish_seen_subcommand_from lint" -l origin -x -d 'Zone origin'
complete -c danelint -n "__fish_seen_subcommand_from lint" -l service -x -d 'HOST[:PORT]=CHAINFILE'
complete -c danelint -n "__fish_seen_subcommand_from lint" -s j -l jobs -x -d 'Worker threads'
complete -c danelint -n "__fish_seen_subcommand_from lint" -l color -x -a 'auto always never' -d 'Colour'

complete -c danelint -n "__fish_seen_subcommand_from rules" -s f -l format -x -a 'text markdown json' -d 'Output format'
complete -c danelint -n "__fish_seen_subcommand_from explain" -x -a '(danelint rules 2>/dev/null | string split -f 1 " ")'
complete -c danelint -n "__fish_seen_subcommand_from gen" -F
