using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Station.Cloud.Tests
{
    /// <summary>Commands far larger than any the contract allows, through a real Mosquitto: the station answers
    /// and keeps answering (docs/cloud.md, "Message size").</summary>
    public class MessageSizeTests
    {
        static string Reason(JsonElement reply) => reply.TryGetProperty("reason", out var r) ? r.GetString() : "";

        static string BigCommandFile(string dir, int bytes)
        {
            string path = Path.Combine(dir, "big.json");
            string head = "{\"v\":1,\"mid\":\"huge\",\"cmd\":\"swap.cancel\",\"by\":\"";
            File.WriteAllText(path, head + new string('x', bytes - head.Length - 2) + "\"}");
            return path;
        }

        static void SendCommand(Consumer consumer, string station, string mid)
        {
            var b = Encoding.UTF8.GetBytes("{\"v\":1,\"mid\":\"" + mid + "\",\"cmd\":\"maintenance.enter\"}");
            Assert.True(consumer.Client.Publish("stations/" + station + "/cmd", b, 0, b.Length, 1, false) > 0);
        }

        /// <summary>Runs mosquitto_pub with a file as the payload; returns its exit code (the broker may hang up on it).</summary>
        static int PublishFile(int port, string topic, string file)
        {
            var psi = new ProcessStartInfo(Mosquitto.ToolPath("mosquitto_pub"), $"-h 127.0.0.1 -p {port} -q 1 -t {topic} -f {file}")
            { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            using var p = Process.Start(psi);
            p.StandardError.ReadToEnd();
            if (!p.WaitForExit(10000)) { p.Kill(); throw new Xunit.Sdk.XunitException("mosquitto_pub did not finish"); }
            return p.ExitCode;
        }

        [Fact]
        public void A_qos1_command_of_300_KiB_is_refused_as_oversized_and_the_station_answers_the_next_command()
        {
            using var broker = Mosquitto.Start(); // no packet limit: the station itself must cope
            using var consumer = new Consumer(broker.Port);
            using var st = new StationHarness(broker.Port, "bigA");
            st.RunUntil(() => st.Link.Online, "online");
            Assert.Equal(0, PublishFile(broker.Port, "stations/bigA/cmd", BigCommandFile(broker.Dir, 300 * 1024)));
            st.RunUntil(() => consumer.On("/reply").Any(r => Reason(r) == "oversized"), "oversized reply");
            SendCommand(consumer, "bigA", "after-big");
            st.RunUntil(() => consumer.On("/reply").Any(r => r.TryGetProperty("re", out var re) && re.GetString() == "after-big"), "reply to the next command");
            Assert.True(st.Station.Maintenance);
            Assert.Equal(1, st.Client.ConnectCount); // never dropped, so the broker has nothing to send again
            Assert.Single(consumer.On("/reply"), r => Reason(r) == "oversized");
        }

        [Fact]
        public void The_documented_broker_limit_stops_an_oversized_command_before_any_station()
        {
            string doc = File.ReadAllText(AclTests.RepoFile("docs/mosquitto/mosquitto.conf"));
            string limit = doc.Split('\n').Single(l => l.StartsWith("max_packet_size "));
            using var broker = Mosquitto.Start("allow_anonymous true\n" + limit + "\n");
            using var consumer = new Consumer(broker.Port);
            using var st = new StationHarness(broker.Port, "bigB");
            st.RunUntil(() => st.Link.Online, "online");
            PublishFile(broker.Port, "stations/bigB/cmd", BigCommandFile(broker.Dir, 300 * 1024)); // the broker hangs up on it
            PublishFile(broker.Port, "stations/bigB/cmd", BigCommandFile(broker.Dir, 8 * 1024));  // under the limit: the station says why
            st.RunUntil(() => consumer.On("/reply").Any(r => Reason(r) == "oversized"), "oversized reply to the 8 KiB command");
            SendCommand(consumer, "bigB", "after-limit");
            st.RunUntil(() => consumer.On("/reply").Any(r => r.TryGetProperty("re", out var re) && re.GetString() == "after-limit"), "reply to the next command");
            Assert.Single(consumer.On("/reply"), r => Reason(r) == "oversized"); // the 300 KiB one never arrived
            Assert.Equal(1, st.Client.ConnectCount);
        }
    }
}
