# bash completion for cyclegan (CycleGAN Studio's CLI). Options are read from the installed
# executable's --help, so they never go out of date.
_cyclegan() {
    local cur prev cmd
    COMPREPLY=()
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD-1]}"
    cmd="${COMP_WORDS[1]}"
    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "train translate convert eval download bench --help --version" -- "$cur"))
        return 0
    fi
    if [ "$cmd" = download ]; then
        case "$COMP_CWORD:$prev" in
            2:*) COMPREPLY=($(compgen -W "model dataset list" -- "$cur")); return 0 ;;
            3:model|3:dataset)
                local names
                names=$("${COMP_WORDS[0]}" download list 2>/dev/null | awk -v kind="$prev" \
                    '/^Models:/{k="model"} /^Datasets:/{k="dataset"} /^  /{if (k == kind) print $1}')
                COMPREPLY=($(compgen -W "$names" -- "$cur")); return 0 ;;
            *:--dir) COMPREPLY=($(compgen -d -- "$cur")); return 0 ;;
        esac
    fi
    case "$prev" in
        --netG) COMPREPLY=($(compgen -W "resnet_9blocks resnet_6blocks" -- "$cur")); return 0 ;;
        --netD) COMPREPLY=($(compgen -W "basic n_layers" -- "$cur")); return 0 ;;
        --gan_mode) COMPREPLY=($(compgen -W "lsgan vanilla" -- "$cur")); return 0 ;;
        --preprocess) COMPREPLY=($(compgen -W "resize_and_crop crop scale_width scale_width_and_crop none" -- "$cur")); return 0 ;;
        --direction) COMPREPLY=($(compgen -W "AtoB BtoA" -- "$cur")); return 0 ;;
        --format) COMPREPLY=($(compgen -W "png jpg webp" -- "$cur")); return 0 ;;
        --device) COMPREPLY=($(compgen -W "auto cpu cuda cuda:0 cuda:1" -- "$cur")); return 0 ;;
        --precision) COMPREPLY=($(compgen -W "fp32 bf16 fp16" -- "$cur")); return 0 ;;
        --cuda_graph) COMPREPLY=($(compgen -W "on off" -- "$cur")); return 0 ;;
        --train_step) COMPREPLY=($(compgen -W "standard capturable" -- "$cur")); return 0 ;;
        --mode) COMPREPLY=($(compgen -W "train translate" -- "$cur")); return 0 ;;
        --dataroot|--dirA|--dirB|--checkpoints_dir|-o|--output)
            COMPREPLY=($(compgen -d -- "$cur")); return 0 ;;
        --model) COMPREPLY=($(compgen -f -- "$cur")); return 0 ;;
    esac
    if [[ "$cur" == -* ]]; then
        local opts
        opts=$("${COMP_WORDS[0]}" "$cmd" --help 2>/dev/null | grep -oE -- '--[A-Za-z_]+' | sort -u)
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}
complete -o filenames -F _cyclegan cyclegan
