using System.CommandLine;

namespace CustomerAddresses.Cli;

/// <summary>
/// <c>completion bash|zsh|powershell</c>: a script that completes the tool's commands, options and values in that shell.
/// Each asks the tool itself through System.CommandLine's <c>[suggest]</c> directive, so completion always matches the
/// installed version. Add to <c>~/.bashrc</c>: <c>source &lt;(customeraddresses completion bash)</c>.
/// </summary>
internal static class CompletionCommand
{
    internal const string Bash = """
        # customeraddresses completion for bash: source <(customeraddresses completion bash)
        _customeraddresses_complete() {
            local IFS=$'\n'
            COMPREPLY=( $(compgen -W "$(customeraddresses "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}") )
        }
        complete -o default -F _customeraddresses_complete customeraddresses
        """;

    internal const string Zsh = """
        # customeraddresses completion for zsh: source <(customeraddresses completion zsh)
        _customeraddresses_complete() {
            local -a completions
            completions=("${(@f)$(customeraddresses "[suggest:${CURSOR}]" "${BUFFER}" 2>/dev/null)}")
            reply=("${completions[@]}")
        }
        compctl -K _customeraddresses_complete customeraddresses
        """;

    internal const string PowerShell = """
        # customeraddresses completion for PowerShell: customeraddresses completion powershell | Out-String | Invoke-Expression
        Register-ArgumentCompleter -Native -CommandName customeraddresses -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            customeraddresses "[suggest:$cursorPosition]" "$commandAst" 2>$null | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
            }
        }
        """;

    internal static Command Create(ToolContext context)
    {
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh or powershell." };
        shell.AcceptOnlyFromAmong("bash", "zsh", "powershell");
        var command = new Command("completion", "Print a script that completes commands and options in your shell: source <(customeraddresses completion bash).") { shell };
        command.SetAction(async (parse, ct) =>
        {
            await context.Out.WriteLineAsync(parse.GetValue(shell) switch { "bash" => Bash, "zsh" => Zsh, _ => PowerShell });
            return ExitCodes.Done;
        });
        return command;
    }
}
