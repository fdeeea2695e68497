using System.Linq;
using Xunit;

namespace Station.Simulator.Tests
{
    /// <summary>--vehicle and --pack: the simulated operator authorises the first swap for a named vehicle and pack.</summary>
    public class BookingOptionTests
    {
        [Fact]
        public void The_first_swap_is_authorised_for_the_named_vehicle_and_pack_later_swaps_choose_as_usual()
        {
            var (exit, stdout, stderr) = Sim.Run("--swaps", "2", "--vehicle", "LSV-0042", "--pack", "PK0007", "--json", "--quiet");
            Assert.True(exit == 0, stderr + stdout);
            var swaps = Sim.LastJson(stdout).GetProperty("swaps").EnumerateArray().ToArray();
            Assert.Equal(2, swaps.Length);
            Assert.Equal("LSV-0042", swaps[0].GetProperty("vehicle").GetString());
            Assert.Equal("PK0007", swaps[0].GetProperty("pack_in").GetString());
            Assert.Equal("PK0007", swaps[0].GetProperty("left_with").GetString()); // the car really left with it
            Assert.Equal("CAR002", swaps[1].GetProperty("vehicle").GetString());
            Assert.NotEqual("PK0007", swaps[1].GetProperty("pack_in").GetString());
        }

        [Fact]
        public void Without_the_options_the_default_booking_is_unchanged()
        {
            var (exit, stdout, stderr) = Sim.Run("--json", "--quiet");
            Assert.True(exit == 0, stderr + stdout);
            var s = Sim.LastJson(stdout).GetProperty("swaps")[0];
            Assert.Equal("CAR001", s.GetProperty("vehicle").GetString());
            Assert.NotEqual("PK0007", s.GetProperty("pack_in").GetString());
        }

        [Fact]
        public void A_pack_not_in_the_rack_is_refused_with_exit_2_and_nothing_runs()
        {
            var (exit, stdout, stderr) = Sim.Run("--pack", "PK9999");
            Assert.Equal(2, exit);
            Assert.Contains("pack PK9999 is not in the rack", stderr);
            Assert.Contains("PK0001", stderr); // says what the rack holds
            Assert.DoesNotContain("summary", stdout);
        }

        [Fact]
        public void A_pack_below_the_ready_charge_is_refused_with_exit_2()
        {
            string path = Sim.TempFile("low-rack.json",
                @"{ ""name"": ""low rack"", ""swaps"": 1, ""plant"": { ""RackInitialSocPct"": 40 }, ""expect"": { ""swaps_completed"": 1 } }");
            var (exit, stdout, stderr) = Sim.Run("--scenario", path, "--pack", "PK0003");
            Assert.Equal(2, exit);
            Assert.Contains("pack PK0003 in slot 2 is not ready: charged to 40 %", stderr);
            Assert.DoesNotContain("summary", stdout);
        }

        [Theory]
        [InlineData("--pack")]
        [InlineData("--pack", "")]
        [InlineData("--vehicle", "has space")]
        [InlineData("--vehicle", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")] // 33 characters
        [InlineData("--console", "--vehicle", "CAR9")]
        public void Bad_booking_options_are_usage_errors(params string[] args)
        {
            var (exit, _, stderr) = Sim.Run(args);
            Assert.Equal(2, exit);
            Assert.Contains("Station.Simulator:", stderr);
        }

        [Fact]
        public void The_help_text_names_both_options()
        {
            var (exit, stdout, _) = Sim.Run("--help");
            Assert.Equal(0, exit);
            Assert.Contains("--vehicle <ID>", stdout);
            Assert.Contains("--pack <SERIAL>", stdout);
        }
    }
}
