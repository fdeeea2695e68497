using System;
using System.IO;
using Xunit.Sdk;

namespace Station.Tests.Shared;

/// <summary>Asks a real bash for a tool's tab completions: sources the script the tool prints with
/// <c>--completion bash</c>, sets COMP_WORDS/COMP_CWORD as bash does on Tab, calls the completion function and returns
/// COMPREPLY. The tool runs as its built apphost (copied next to the test assembly), found on PATH by its name.</summary>
internal static class BashCompletion
{
    /// <summary>COMPREPLY after Tab on <paramref name="words"/> (the last word is the one being completed).</summary>
    public static string[] Complete(string tool, params string[] words)
    {
        string fn = "_" + tool.Replace('.', '_') + "_complete";
        string quoted = tool;
        foreach (string w in words) quoted += " '" + w.Replace("'", "'\\''") + "'";
        string script = "set -e\nsource <(" + tool + " --completion bash)\n"
            + "complete -p " + tool + " >/dev/null\n"
            + "COMP_WORDS=(" + quoted + ")\nCOMP_CWORD=" + words.Length + "\n"
            + fn + "\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
        var (exit, output, error) = PtyRun.Redirected(script, Path.GetTempPath());
        if (exit != 0) throw new XunitException("bash completion of '" + string.Join(" ", words) + "' failed (" + exit + "): " + error);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
