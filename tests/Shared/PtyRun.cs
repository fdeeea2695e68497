using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using Xunit.Sdk;

namespace Station.Tests.Shared;

/// <summary>Runs a shell command line the way a user does, in a real pseudo-terminal (util-linux <c>script</c>), or
/// plainly with every stream redirected, and returns what the terminal received. The tools run as their built apphosts
/// (copied next to the test assembly), found on PATH by name.</summary>
internal static class PtyRun
{
    /// <summary>The raw bytes (as text, escape sequences kept) a 120×40 terminal received while <paramref name="command"/> ran
    /// in <paramref name="dir"/>, and the exit code of the command.</summary>
    public static (int Exit, string Terminal) InTerminal(string command, string dir, int timeoutMs = 120_000)
    {
        string typescript = Path.Combine(dir, "typescript-" + Guid.NewGuid().ToString("N"));
        int exit = Shell(new[] { "script", "-q", "-e", "-c", "stty cols 120 rows 40; " + command, typescript }, dir, timeoutMs, out _, out string error, "script");
        if (!File.Exists(typescript)) throw new XunitException("script wrote no typescript: " + error);
        return (exit, File.ReadAllText(typescript));
    }

    /// <summary>Exit code, standard output and standard error of <paramref name="command"/> run by bash with no terminal.</summary>
    public static (int Exit, string Out, string Err) Redirected(string command, string dir, int timeoutMs = 120_000)
    {
        int exit = Shell(new[] { "bash", "--noprofile", "--norc", "-c", command }, dir, timeoutMs, out string output, out string error, "bash");
        return (exit, output, error);
    }

    private static int Shell(string[] argv, string dir, int timeoutMs, out string output, out string error, string tool)
    {
        var psi = new ProcessStartInfo(argv[0]) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false, WorkingDirectory = dir };
        for (int i = 1; i < argv.Length; i++) psi.ArgumentList.Add(argv[i]);
        psi.Environment["PATH"] = AppContext.BaseDirectory + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        psi.Environment["TERM"] = "xterm-256color";
        psi.Environment["LANG"] = "C.UTF-8";
        Process p;
        try { p = Process.Start(psi)!; }
        catch (Win32Exception) { throw new XunitException(tool + " is not installed (util-linux provides script)"); }
        using (p)
        {
            p.StandardInput.Close();
            var outTask = p.StandardOutput.ReadToEndAsync();
            var errTask = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(timeoutMs))
            {
                p.Kill(true);
                throw new XunitException(string.Join(" ", argv) + " did not end within " + timeoutMs / 1000 + " s");
            }
            output = outTask.Result;
            error = errTask.Result;
            return p.ExitCode;
        }
    }
}
