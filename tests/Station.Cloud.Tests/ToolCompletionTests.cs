using Station.Tests.Shared;
using Xunit;

namespace Station.Cloud.Tests;

/// <summary>Tab completion of the fleet and the monitor in a real bash, through the scripts they print with
/// <c>--completion bash</c>.</summary>
public class ToolCompletionTests
{
    [Fact]
    public void Fleet_completes_its_options()
    {
        Assert.Equal(new[] { "--seconds", "--speed", "--stations", "--swaps-per-hour" }, BashCompletion.Complete("Station.Fleet", "--s"));
        Assert.Equal(new[] { "--stations" }, BashCompletion.Complete("Station.Fleet", "--st"));
        Assert.Equal(new[] { "--measure" }, BashCompletion.Complete("Station.Fleet", "--stations", "20", "--me"));
    }

    [Fact]
    public void FleetMonitor_completes_subcommands_and_their_options()
    {
        Assert.Equal(new[] { "authorize" }, BashCompletion.Complete("Station.FleetMonitor", "auth"));
        Assert.Equal(new[] { "watch" }, BashCompletion.Complete("Station.FleetMonitor", "wa"));
        Assert.Equal(new[] { "--valid-seconds", "--vehicle" }, BashCompletion.Complete("Station.FleetMonitor", "authorize", "--v"));
    }
}
