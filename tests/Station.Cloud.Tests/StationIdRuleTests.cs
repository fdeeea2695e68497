using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Station.Core.Cloud;
using Station.Core.Config;
using Xunit;

namespace Station.Cloud.Tests
{
    /// <summary>The station id rule as docs/cloud.md states it (the id is the MQTT client id, the broker user name
    /// and a topic level) against what the configuration table and the cloud link accept: a change to either side
    /// alone fails here.</summary>
    public class StationIdRuleTests
    {
        /// <summary>Shortest and longest length and the allowed characters, read from the sentence after
        /// "The station id rule" in docs/cloud.md ("1 to 32 characters of A-Z a-z 0-9 - _ (no `.`, …").</summary>
        static (int min, int max, HashSet<char> allowed, char[] named) DocumentedRule()
        {
            string doc = File.ReadAllText(AclTests.RepoFile("docs/cloud.md"));
            int at = doc.IndexOf("**The station id rule**");
            Assert.True(at >= 0, "docs/cloud.md no longer states the station id rule");
            var m = new Regex(@"(\d+) to (\d+) characters of ([^(]+)\(no ([^)]*)\)").Match(doc, at);
            Assert.True(m.Success, "docs/cloud.md's station id rule is not in the form '1 to N characters of … (no …)'");
            var allowed = new HashSet<char>();
            foreach (string token in m.Groups[3].Value.Split(' ', System.StringSplitOptions.RemoveEmptyEntries))
            {
                if (token.Length == 3 && token[1] == '-')
                    for (char c = token[0]; c <= token[2]; c++) allowed.Add(c); // a range such as A-Z
                else
                    foreach (char c in token) allowed.Add(c);
            }
            // The characters the text names as refused, in back-quotes: `.`, `/`, `+`, `#`.
            char[] named = Regex.Matches(m.Groups[4].Value, "`(.)`").Select(x => x.Groups[1].Value[0]).ToArray();
            return (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), allowed, named);
        }

        static bool Accepted(int row, string value) => new ConfigValues().TrySet(row, value, 1) == null;

        [Fact]
        public void Lengths_in_the_cloud_document_are_those_the_configuration_table_accepts()
        {
            var (min, max, _, _) = DocumentedRule();
            foreach (int row in new[] { ConfigTable.StationId, ConfigTable.MqttTopicPrefix })
            {
                ConfigKey key = ConfigTable.Keys[row];
                Assert.Equal((min, max), (key.Min, key.Max));
                Assert.True(Accepted(row, new string('a', max)), key.Name + ": " + max + " characters refused");
                Assert.False(Accepted(row, new string('a', max + 1)), key.Name + ": " + (max + 1) + " characters accepted");
                Assert.False(Accepted(row, new string('a', min - 1)), key.Name + ": " + (min - 1) + " characters accepted");
                Assert.Equal(StationName.RuleText, key.RangeText());
            }
            Assert.True(CloudTopics.IsValidStationId(new string('a', max)));
            Assert.False(CloudTopics.IsValidStationId(new string('a', max + 1)));
        }

        [Fact]
        public void Every_character_the_cloud_document_allows_and_no_other_is_accepted()
        {
            var (_, _, allowed, named) = DocumentedRule();
            Assert.NotEmpty(named);
            Assert.DoesNotContain(named, allowed.Contains); // the text does not contradict itself
            for (char c = ' '; c <= '~'; c++)
            {
                string id = "bay" + c + "7";
                bool documented = allowed.Contains(c);
                Assert.True(documented == Accepted(ConfigTable.StationId, id), $"station.id '{id}': docs/cloud.md says {(documented ? "allowed" : "refused")}, the configuration table does not");
                Assert.True(documented == Accepted(ConfigTable.MqttTopicPrefix, id), $"mqtt.topic_prefix '{id}': docs/cloud.md says {(documented ? "allowed" : "refused")}, the configuration table does not");
                Assert.True(documented == CloudTopics.IsValidStationId(id), $"cloud link station id '{id}': docs/cloud.md says {(documented ? "allowed" : "refused")}, the link does not");
            }
        }
    }
}
