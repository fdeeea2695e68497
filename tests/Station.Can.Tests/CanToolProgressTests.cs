using System;
using System.IO;
using System.Text;
using Station.Tests.Shared;
using Xunit;

namespace Station.Can.Tests;

/// <summary>The CAN tool's Spectre.Console progress bar on a big log, seen in a real pseudo-terminal: drawn on the
/// terminal (standard error) while the decoded lines go to a file, and absent when standard error is redirected too.</summary>
public class CanToolProgressTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cantool-progress").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    // A candump -l log above the tool's 8 MiB threshold: the pack's BCL over and over.
    private string BigLog()
    {
        string path = Path.Combine(_dir, "big.log");
        var sb = new StringBuilder();
        for (int i = 0; sb.Length < 9 << 20; i++)
            sb.Append("(1700000000.").Append((i % 1_000_000).ToString("000000")).Append(") can0 ").Append("181056F4#A510D80E02\n");
        File.WriteAllText(path, sb.ToString());
        return path;
    }

    [Fact]
    public void Decoding_a_big_log_into_a_file_draws_a_progress_bar_on_the_terminal_only()
    {
        BigLog();
        var (exit, terminal) = PtyRun.InTerminal("Station.CanTool decode big.log > tty.jsonl", _dir);
        Assert.Equal(0, exit);
        Assert.Contains("decoding big.log", terminal);
        Assert.Contains("100%", terminal);
        Assert.Contains("\u001b[", terminal, StringComparison.Ordinal);          // drawn in place with escape sequences
        string decoded = File.ReadAllText(Path.Combine(_dir, "tty.jsonl"));
        Assert.DoesNotContain("\u001b", decoded, StringComparison.Ordinal);        // nothing of the bar in the decoded output
        Assert.DoesNotContain("decoding", decoded);

        // Redirected (a pipe, CI, a JSON consumer): no bar, the same decoded lines.
        var (plainExit, _, err) = PtyRun.Redirected("Station.CanTool decode big.log > plain.jsonl", _dir);
        Assert.Equal(0, plainExit);
        Assert.Equal("", err);
        Assert.Equal(decoded, File.ReadAllText(Path.Combine(_dir, "plain.jsonl")));
        Assert.True(decoded.Length > 1000);
    }

    [Fact]
    public void A_small_log_gets_no_progress_bar()
    {
        File.WriteAllLines(Path.Combine(_dir, "small.log"), new[] { "(1700000000.000000) can0 181056F4#A510D80E02" });
        var (exit, terminal) = PtyRun.InTerminal("Station.CanTool decode small.log > small.jsonl", _dir);
        Assert.Equal(0, exit);
        Assert.DoesNotContain("decoding", terminal);
    }
}
