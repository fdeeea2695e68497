using System;
using System.IO;
using System.Linq;
using Xunit.Sdk;

namespace Station.Tests.Shared;

/// <summary>Asks a real zsh for a tool's completions: sources the script the tool prints with <c>--completion zsh</c>,
/// sets <c>words</c> and <c>CURRENT</c> as zsh's completion system does on Tab, and calls the completion function.
/// <c>compadd</c> and <c>compdef</c> exist only inside zsh's completion widgets, so they are replaced by functions that
/// collect what the script offers; zsh itself keeps the offers that start with the word being completed, and so does
/// this helper. Needs zsh (Debian package "zsh"; tools/test.sh installs it): without it the test fails and says so.</summary>
internal static class ZshCompletion
{
    /// <summary>What zsh would offer after Tab on <paramref name="words"/> (the last word is the one being completed).</summary>
    public static string[] Complete(string tool, params string[] words)
    {
        string fn = "_" + tool.Replace('.', '_') + "_complete";
        string quoted = tool;
        foreach (string w in words) quoted += " '" + w.Replace("'", "'\\''") + "'";
        string script = "compdef() { :; }\n"
            + "typeset -ga offered\n"
            + "compadd() { [[ $1 == -- ]] && shift; offered+=(\"$@\"); }\n"
            + "source <(" + tool + " --completion zsh) || exit 3\n"
            + "words=(" + quoted + ")\nCURRENT=" + (words.Length + 1) + "\n"
            + fn + "\nprint -rl -- $offered\n";
        string file = Path.Combine(Path.GetTempPath(), "zsh-completion-" + Guid.NewGuid().ToString("N") + ".zsh");
        File.WriteAllText(file, script);
        try
        {
            var (exit, output, error) = PtyRun.Redirected("command -v zsh >/dev/null || { echo 'zsh is not installed: apt-get install zsh (tools/test.sh does)' >&2; exit 127; }; zsh -f '" + file + "'", Path.GetTempPath());
            if (exit != 0) throw new XunitException("zsh completion of '" + string.Join(" ", words) + "' failed (" + exit + "): " + error);
            string current = words.Length == 0 ? "" : words[words.Length - 1];
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(o => o.StartsWith(current, StringComparison.Ordinal)).ToArray();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
