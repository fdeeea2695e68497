using System.Linq;
using Station.Hal.Sim;
using Station.Tests.Shared;
using Xunit;

namespace Station.Can.Tests;

/// <summary>Tab completion of the CAN tool and the simulator in a real bash, through the scripts they print with
/// <c>--completion bash</c>: subcommands, options and the values an option accepts.</summary>
public class ToolCompletionTests
{
    [Fact]
    public void CanTool_completes_subcommands_options_and_fault_kinds()
    {
        Assert.Equal(new[] { "decode" }, BashCompletion.Complete("Station.CanTool", "dec"));
        Assert.Equal(new[] { "dbc", "decode" }, BashCompletion.Complete("Station.CanTool", "d"));
        Assert.Contains("--bms", BashCompletion.Complete("Station.CanTool", "decode", "--"));
        Assert.Contains("--bms-fault", BashCompletion.Complete("Station.CanTool", "record", "--bms"));
        string[] kinds = BashCompletion.Complete("Station.CanTool", "record", "--bms-fault", "");
        Assert.Equal(SimPackCan.FaultKinds.OrderBy(k => k, System.StringComparer.Ordinal), kinds.OrderBy(k => k, System.StringComparer.Ordinal));
    }

    [Fact]
    public void Simulator_completes_options_and_their_values()
    {
        Assert.Equal(new[] { "--swaps" }, BashCompletion.Complete("Station.Simulator", "--sw"));
        Assert.Equal(new[] { "--clock", "--cloud-authorize" }, BashCompletion.Complete("Station.Simulator", "--cl"));
        Assert.Equal(new[] { "fixed", "utc" }, BashCompletion.Complete("Station.Simulator", "--clock", ""));
        Assert.Equal(new[] { "bash", "zsh" }, BashCompletion.Complete("Station.Simulator", "--completion", ""));
        // Words already typed count: after --swaps 3 the next option still completes.
        Assert.Equal(new[] { "--quiet" }, BashCompletion.Complete("Station.Simulator", "--swaps", "3", "--qu"));
    }

    [Fact]
    public void The_zsh_script_completes_like_the_bash_one()
    {
        Assert.Equal(new[] { "decode" }, ZshCompletion.Complete("Station.CanTool", "dec"));
        Assert.Equal(new[] { "dbc", "decode" }, ZshCompletion.Complete("Station.CanTool", "d").OrderBy(k => k, System.StringComparer.Ordinal));
        Assert.Contains("--bms-fault", ZshCompletion.Complete("Station.CanTool", "record", "--bms"));
        string[] kinds = ZshCompletion.Complete("Station.CanTool", "record", "--bms-fault", "");
        Assert.Equal(SimPackCan.FaultKinds.OrderBy(k => k, System.StringComparer.Ordinal), kinds.OrderBy(k => k, System.StringComparer.Ordinal));
        Assert.Equal(new[] { "fixed", "utc" }, ZshCompletion.Complete("Station.Simulator", "--clock", "").OrderBy(k => k, System.StringComparer.Ordinal));
        Assert.Equal(new[] { "--quiet" }, ZshCompletion.Complete("Station.Simulator", "--swaps", "3", "--qu"));
    }
}
