using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace Station.Simulator.Tests
{
    public class TimelineTests
    {
        private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

        private static XDocument Draw(params string[] extra)
        {
            string path = Path.Combine(Path.GetTempPath(), $"timeline-{System.Guid.NewGuid():N}.svg");
            var args = new[] { "--quiet", "--timeline", path }.Concat(extra).ToArray();
            var (exit, stdout, stderr) = Sim.Run(args);
            Assert.True(exit == 0, stderr + stdout);
            var doc = XDocument.Parse(File.ReadAllText(path)); // throws when not well-formed
            File.Delete(path);
            return doc;
        }

        [Fact]
        public void Timeline_is_well_formed_svg_with_a_row_per_actuator_and_interlock()
        {
            var doc = Draw("--swaps", "1");
            Assert.Equal(Svg + "svg", doc.Root.Name);
            var rows = doc.Descendants(Svg + "g").Where(g => (string)g.Attribute("class") == "row")
                .ToDictionary(g => (string)g.Attribute("data-row"));
            foreach (var name in new[] { "sequencer", "lift", "lock 0", "lock 1", "lock 2", "lock 3", "staging conveyor",
                         "transfer conveyor", "rack handler", "vehicle", "e-stop", "light curtain", "doors",
                         "vehicle positioned", "safety relay", "motion permit" })
                Assert.True(rows.ContainsKey(name), $"row {name} missing");
            Assert.Equal("interlock", (string)rows["light curtain"].Attribute("data-group"));

            int Bars(string row) => rows[row].Descendants(Svg + "rect").Count(r => (string)r.Attribute("class") == "bar");
            // Homing backs off the home switch and approaches it again (up, down), then the swap: up, down, up, down.
            Assert.Equal(6, Bars("lift"));
            Assert.Equal(2, Bars("lock 0"));    // release, then engage
            Assert.True(Bars("staging conveyor") >= 1);
            Assert.True(Bars("transfer conveyor") >= 1);
            // staging ran while the lift rose: the two bars overlap in time
            double X(XElement r) => double.Parse((string)r.Attribute("x"), System.Globalization.CultureInfo.InvariantCulture);
            double W(XElement r) => double.Parse((string)r.Attribute("width"), System.Globalization.CultureInfo.InvariantCulture);
            var firstUp = rows["lift"].Descendants(Svg + "rect").Where(r => (string)r.Attribute("class") == "bar").Skip(2).First();
            var staging = rows["staging conveyor"].Descendants(Svg + "rect").First(r => (string)r.Attribute("class") == "bar");
            Assert.True(X(staging) < X(firstUp) + W(firstUp) && X(firstUp) < X(staging) + W(staging), "staging should overlap the first lift move");
        }

        [Fact]
        public void Every_bar_has_a_visible_label_homing_and_arming_show_and_a_legend_explains_the_colours()
        {
            var doc = Draw("--swaps", "1");
            var rows = doc.Descendants(Svg + "g").Where(g => (string)g.Attribute("class") == "row").ToDictionary(g => (string)g.Attribute("data-row"));
            foreach (var row in rows.Values)
            {
                int bars = row.Descendants(Svg + "rect").Count(r => (string)r.Attribute("class") == "bar");
                int labels = row.Elements(Svg + "text").Count(t => (string)t.Attribute("class") == "label");
                Assert.True(bars == labels, $"{(string)row.Attribute("data-row")}: {bars} bars, {labels} visible labels");
            }
            var sequencer = rows["sequencer"].Elements(Svg + "text").Select(t => t.Value).ToList();
            Assert.Contains("Homing", sequencer);
            Assert.Contains("Arming", sequencer);
            Assert.True(rows.ContainsKey("critical path (model)"));
            Assert.Contains(rows["critical path (model)"].Elements(Svg + "text"), t => (string)t.Attribute("class") == "label");
            var legend = doc.Descendants(Svg + "g").Single(g => (string)g.Attribute("class") == "legend");
            foreach (var words in new[] { "lift up", "lock engage", "model critical path", "fault latched" }) Assert.Contains(words, legend.Value);
        }

        [Fact]
        public void Faults_are_marked_on_the_timeline()
        {
            var doc = Draw("--scenario", Path.Combine(Sim.ScenarioDir, "estop-during-raise.json"));
            var marks = doc.Descendants(Svg + "g").Where(g => (string)g.Attribute("class") == "mark").ToList();
            Assert.Contains(marks, m => (string)m.Attribute("data-kind") == "fault" && m.Value.Contains("EStopPressed"));
            Assert.Contains(marks, m => (string)m.Attribute("data-kind") == "event" && m.Value.Contains("estop"));
        }

        [Fact]
        public void Unwritable_timeline_path_exits_2()
        {
            var (exit, _, stderr) = Sim.Run("--quiet", "--timeline", "/nonexistent-dir/x.svg");
            Assert.Equal(2, exit);
            Assert.Contains("cannot write the timeline", stderr);
        }
    }
}
