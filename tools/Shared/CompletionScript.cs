#nullable disable
using System;
using System.CommandLine;
using System.CommandLine.Invocation;

namespace Station.Tools
{
    /// <summary><c>--completion bash|zsh</c>: prints a shell completion script for the tool. The script asks the tool
    /// itself through System.CommandLine's <c>[suggest:POSITION]</c> directive, so options, subcommands and their
    /// allowed values complete from the same definitions the parser uses (no dotnet-suggest needed: it is not served
    /// by the package registry, and the tools answer the directive directly).</summary>
    internal sealed class CompletionScript : SynchronousCommandLineAction
    {
        readonly string tool;

        CompletionScript(string tool) { this.tool = tool; }

        /// <summary>Ends the invocation and ignores the rest of the command line, as --help does.</summary>
        public override bool ClearsParseErrors => true;

        /// <summary>The <c>--completion</c> option for <paramref name="tool"/>.</summary>
        public static Option<string> Option(string tool)
        {
            var option = new Option<string>("--completion")
            {
                Description = "print a shell completion script (bash or zsh): source <(" + tool + " --completion bash)",
                HelpName = "bash|zsh",
                Action = new CompletionScript(tool),
            };
            option.AcceptOnlyFromAmong("bash", "zsh");
            return option;
        }

        /// <summary>Writes the script for the shell named on the command line.</summary>
        public override int Invoke(ParseResult parseResult)
        {
            string shell = parseResult.GetValue<string>("--completion");
            if (shell != "bash" && shell != "zsh")
            {
                parseResult.InvocationConfiguration.Error.WriteLine(tool + ": --completion needs bash or zsh");
                return CommandLineRunner.BadUsage;
            }
            parseResult.InvocationConfiguration.Output.Write(shell == "bash" ? Bash(tool) : Zsh(tool));
            return 0;
        }

        /// <summary>The bash script: a function named after the tool, registered with <c>complete -F</c> for the tool's
        /// name. It hands the words after the tool name to <c>TOOL [suggest:CURSOR] "LINE"</c>.</summary>
        public static string Bash(string tool)
        {
            string fn = "_" + tool.Replace('.', '_') + "_complete";
            return "# bash completion for " + tool + " (System.CommandLine [suggest] directive)\n"
                + fn + "() {\n"
                + "  local line=\"\" i\n"
                + "  for ((i = 1; i < COMP_CWORD; i++)); do line+=\"${COMP_WORDS[i]} \"; done\n"
                + "  line+=\"${COMP_WORDS[COMP_CWORD]}\"\n"
                + "  local IFS=$'\\n'\n"
                // The directive matches anywhere in a name ("d" offers "record"); bash completes prefixes.
                + "  COMPREPLY=($(compgen -W \"$(\"${COMP_WORDS[0]}\" \"[suggest:${#line}]\" \"$line\" 2>/dev/null)\" -- \"${COMP_WORDS[COMP_CWORD]}\"))\n"
                + "}\n"
                + "complete -o default -F " + fn + " " + tool + "\n";
        }

        /// <summary>The zsh script: the same question through <c>compadd</c>.</summary>
        public static string Zsh(string tool)
        {
            string fn = "_" + tool.Replace('.', '_') + "_complete";
            return "#compdef " + tool + "\n"
                + "# zsh completion for " + tool + " (System.CommandLine [suggest] directive)\n"
                + fn + "() {\n"
                + "  local line=\"${(j: :)words[2,CURRENT]}\"\n"
                + "  local -a items\n"
                + "  items=(\"${(@f)$(\"${words[1]}\" \"[suggest:${#line}]\" \"$line\" 2>/dev/null)}\")\n"
                + "  compadd -- $items\n"
                + "}\n"
                + "compdef " + fn + " " + tool + "\n";
        }
    }
}
