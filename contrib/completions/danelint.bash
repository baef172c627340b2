# bash completion for danelint                                   -*- shell-script -*-
_danelint() {
    local cur prev words cword
    _init_completion || return
    local sub="" i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            lint | gen | rules | explain) sub=${words[i]}; break ;;
        esac
    done
    case $sub in
        "")
            COMPREPLY=($(compgen -W "lint gen rules explain --help --version" -- "$cur"))
            return ;;
        lint)
            case $prev in
                -f | --format) COMPREPLY=($(compgen -W "text json sarif github gitlab junit" -- "$cur")); return ;;
                --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
                --fail-on) COMPREPLY=($(compgen -W "error warning info" -- "$cur")); return ;;
                -c | --config | -o | --output | --baseline | --write-baseline) _filedir; return ;;
                --select | --ignore)
                    COMPREPLY=($(compgen -W "$(danelint rules 2>/dev/null | awk '{print $1; print $2}')" -- "$cur")); return ;;
                --now | --origin | --service | -j | --jobs) return ;;
            esac
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "-h --help -c --config --no-config -f --format -o --output -q --quiet
                    --exit-zero --baseline --write-baseline --select --ignore --now --fail-on --origin --service
                    -j --jobs --color" -- "$cur"))
            else
                _filedir
            fi ;;
        rules)
            case $prev in
                -f | --format) COMPREPLY=($(compgen -W "text markdown json" -- "$cur")); return ;;
            esac
            COMPREPLY=($(compgen -W "-h --help -f --format" -- "$cur")) ;;
        explain)
            COMPREPLY=($(compgen -W "-h --help $(danelint rules 2>/dev/null | awk '{print $1; print $2}')" -- "$cur")) ;;
        gen)
            COMPREPLY=($(compgen -W "-h --help" -- "$cur"))
            [[ $cur == -* ]] || _filedir ;;
    esac
} &&
    complete -F _danelint danelint
