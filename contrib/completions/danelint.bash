# bash completion for danelint                                   -*- shell-script -*-
_danelint() {
    local cur prev words cword
    _init_completion || return
    local sub="" i
    for ((i = 1; i < cword; i++)); do
        case ${words[i]} in
            lint | gen | rules | explain | rollover-check) sub=${words[i]}; break ;;
        esac
    done
    case $sub in
        "")
            COMPREPLY=($(compgen -W "lint gen rules explain rollover-check --help --version" -- "$cur"))
            return ;;
        lint)
            case $prev in
                -f | --format) COMPREPLY=($(compgen -W "text json sarif github gitlab junit" -- "$cur")); return ;;
                --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
                --fail-on) COMPREPLY=($(compgen -W "error warning info" -- "$cur")); return ;;
                -c | --config | -o | --output | --baseline | --write-baseline | --spki-denylist | --ds | --previous | --state)
                    _filedir; return ;;
                --select | --ignore)
                    COMPREPLY=($(compgen -W "$(danelint rules 2>/dev/null | awk '{print $1; print $2}')" -- "$cur")); return ;;
                --now | --origin | --service | -j | --jobs | --previous-rev | --published-since) return ;;
            esac
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "-h --help -c --config --no-config --no-verify -f --format -o --output -q --quiet
                    --exit-zero --baseline --write-baseline --select --ignore --now --fail-on --origin --service
                    --spki-denylist --ds --previous --previous-rev --published-since --state -j --jobs --color" -- "$cur"))
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
            case $prev in
                -c | --cert | -k | --key | --next-key | -o | --output | --check) _filedir; return ;;
                --certbot-lineage) _filedir -d; return ;;
                -u | --usage) COMPREPLY=($(compgen -W "0 1 2 3 PKIX-TA PKIX-EE DANE-TA DANE-EE" -- "$cur")); return ;;
                -s | --selector) COMPREPLY=($(compgen -W "0 1 CERT SPKI" -- "$cur")); return ;;
                -m | --matching) COMPREPLY=($(compgen -W "0 1 2 FULL SHA2-256 SHA2-512" -- "$cur")); return ;;
                -f | --format) COMPREPLY=($(compgen -W "zone rfc3597 nsupdate json" -- "$cur")); return ;;
                --proto) COMPREPLY=($(compgen -W "tcp udp sctp" -- "$cur")); return ;;
                --passin | --ta-depth | --ta-subject | -H | --host | -p | --port | --ttl | --origin | --server | --zone | --tsig-key)
                    return ;;
            esac
            COMPREPLY=($(compgen -W "-h --help -c --cert -k --key --next-key --certbot-lineage --passin -u --usage
                -s --selector -m --matching --ta-depth --ta-subject -H --host -p --port --proto --ttl -f --format
                --check --origin -o --output --server --zone --tsig-key --force" -- "$cur")) ;;
        rollover-check)
            case $prev in
                --next-key | --zone | --state | -c | --config) _filedir; return ;;
                --proto) COMPREPLY=($(compgen -W "tcp udp sctp" -- "$cur")); return ;;
                --signing) COMPREPLY=($(compgen -W "offline online" -- "$cur")); return ;;
                -f | --format) COMPREPLY=($(compgen -W "text json" -- "$cur")); return ;;
                --service | --origin | --published-since | --min-wait | --now) return ;;
            esac
            COMPREPLY=($(compgen -W "-h --help --service --proto --next-key --zone --origin --signing --state
                --published-since --min-wait --now -c --config --no-config -f --format" -- "$cur")) ;;
    esac
} &&
    complete -F _danelint danelint
