using System;
using System.Collections.Generic;
using System.Text;
using Station.Core.Config;
using Xunit;

namespace Station.Console.Tests
{
    public class HostileInputTests
    {
        private static List<string> Snapshot(ConfigValues v)
        {
            var s = new List<string>();
            for (int i = 0; i < ConfigTable.Keys.Length; i++) s.Add(v.Stored(i));
            return s;
        }

        private static void AssertHarmless(Rig rig, List<string> before, int outputBefore)
        {
            Assert.Equal(0, rig.Station.MotionRequests);
            Assert.Equal(before, Snapshot(rig.Config));
            Assert.Empty(rig.Storage.Files);
            Assert.DoesNotContain("apply", rig.Station.Requests);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(4)]
        public void Random_binary_never_crashes_moves_or_changes_configuration(int seed)
        {
            var rig = new Rig();
            var before = Snapshot(rig.Config);
            var rng = new Random(seed);
            var bytes = new byte[64 * 1024];
            rng.NextBytes(bytes);
            // Without the emergency key (it would be a legitimate stop) the noise must do nothing at all.
            for (int i = 0; i < bytes.Length; i++) if (bytes[i] == 0x18) bytes[i] = 0x19;
            rig.Line.TypeBytes(bytes);
            rig.Poll();
            AssertHarmless(rig, before, 0);
            Assert.Equal(0, rig.Station.EmergencyStops);
            Assert.False(rig.Console.InMaintenance);
            // And the console still works afterwards.
            Assert.Contains("maintenance: off", rig.Run("\x03status"));
        }

        [Fact]
        public void Random_binary_in_maintenance_changes_nothing()
        {
            var rig = new Rig();
            rig.EnterMaintenance();
            rig.Station.Requests.Clear();
            var before = Snapshot(rig.Config);
            var rng = new Random(11);
            var bytes = new byte[64 * 1024];
            rng.NextBytes(bytes);
            for (int i = 0; i < bytes.Length; i++)
            {
                // Keep printable noise from forming real lines: no CR/LF, no emergency key.
                if (bytes[i] == 0x0D || bytes[i] == 0x0A || bytes[i] == 0x18) bytes[i] = 0x80;
            }

            rig.Line.TypeBytes(bytes);
            rig.Line.Type("\r");
            string output = rig.Poll();
            AssertHarmless(rig, before, 0);
            Assert.Contains("line refused", output);
        }

        [Fact]
        public void A_ten_kilobyte_command_line_is_refused_whole()
        {
            var rig = new Rig();
            rig.EnterMaintenance();
            rig.Station.Requests.Clear();
            var before = Snapshot(rig.Config);
            string huge = "config set lift.speed_mm_s 150" + new string(' ', 10 * 1024) + "x";
            string output = rig.Run(huge);
            Assert.Contains("line refused: longer than 120 characters; nothing was done", output);
            Assert.True(output.Length < 600, "output stays bounded: " + output.Length);
            Assert.Equal(before, Snapshot(rig.Config));
            Assert.Empty(rig.Station.Requests);
            string jog = rig.Run("lift jog +10" + new string('0', 10 * 1024));
            Assert.Contains("line refused", jog);
            Assert.Equal(0, rig.Station.MotionRequests);
        }

        [Fact]
        public void Partial_utf8_inside_a_command_refuses_it()
        {
            var rig = new Rig();
            rig.EnterMaintenance();
            rig.Station.Requests.Clear();
            var bytes = new List<byte>(Encoding.ASCII.GetBytes("lift jog +1"));
            bytes.Add(0xE2);
            bytes.Add(0x82);
            bytes.AddRange(Encoding.ASCII.GetBytes("0\r"));
            rig.Line.TypeBytes(bytes.ToArray());
            string output = rig.Poll();
            Assert.Contains("not printable ASCII", output);
            Assert.Equal(0, rig.Station.MotionRequests);
            // Valid UTF-8 (a degree sign) in a value is refused too: values are ASCII.
            rig.Line.TypeBytes(Encoding.UTF8.GetBytes("config set station.id b\u00e4y\r"));
            Assert.Contains("not printable ASCII", rig.Poll());
            Assert.Equal("bay1", rig.Config.Text(ConfigTable.StationId));
        }

        [Fact]
        public void Escape_storms_do_nothing()
        {
            var rig = new Rig();
            rig.EnterMaintenance();
            rig.Station.Requests.Clear();
            var sb = new StringBuilder();
            for (int i = 0; i < 2000; i++) sb.Append("\x1b[").Append(i % 7).Append(";5").Append((char)('@' + i % 60)).Append("\x1b").Append("\x1bO");
            string output = rig.Send(sb.ToString());
            Assert.Empty(rig.Station.Requests);
            Assert.True(output.Length < 20000, "history recall output stays bounded: " + output.Length);
            Assert.True(rig.Console.InMaintenance);
        }

        [Fact]
        public void Input_arriving_in_small_pieces_works_the_same()
        {
            var rig = new Rig();
            rig.Line.MaxReadPerCall = 1;
            string reply = rig.Run("maint enter 1234");
            Assert.Contains("maintenance on", reply);
        }

        [Fact]
        public void Console_output_is_plain_ascii_whatever_the_station_says()
        {
            var rig = new Rig();
            rig.Station.StateName = "h\u00e9ld\u0001";
            string prompt = rig.Poll();
            foreach (char c in prompt) Assert.True(c == '\r' || c == '\n' || (c >= ' ' && c < 127), ((int)c).ToString());
        }
    }
}
