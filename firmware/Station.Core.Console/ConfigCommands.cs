using System.Text;
using Station.Core.Config;
using Station.Hal;

namespace Station.Core.Console
{
    /// <summary>The configuration commands: <c>config show</c>, <c>get</c>, <c>set</c>, <c>save</c> and <c>default</c>.
    /// A change takes effect in the station at once where it can and is stored only on <c>config save</c>.</summary>
    public sealed class ConfigCommands
    {
        private readonly ConsoleReplies _replies;
        private readonly IConsoleStation _station;
        private readonly ConfigValues _config;
        private readonly ConfigFile _file;
        private readonly IClock _clock;
        private long _saltCounter;

        /// <summary>Commands on <paramref name="config"/>, stored in <paramref name="file"/>, applied to <paramref name="station"/>.</summary>
        public ConfigCommands(ConsoleReplies replies, IConsoleStation station, ConfigValues config, ConfigFile file, IClock clock)
        {
            _replies = replies;
            _station = station;
            _config = config;
            _file = file;
            _clock = clock;
        }

        /// <summary><c>config show</c>: every key, its value and its range.</summary>
        public void Show(string audited)
        {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < ConfigTable.Keys.Length; i++)
            {
                if (i > 0)
                {
                    text.Append('\n');
                }

                ConfigKey key = ConfigTable.Keys[i];
                text.Append(key.Name).Append(" = ").Append(_config.Show(i)).Append("  [").Append(key.RangeText()).Append(']');
            }

            if (_config.Unsaved)
            {
                text.Append("\n(unsaved changes: 'config save' stores them)");
            }

            _replies.Reply(audited, true, text.ToString());
        }

        private int KeyOrReply(string audited, string words, string name)
        {
            int index = ConfigTable.IndexOf(name);
            if (index < 0)
            {
                _replies.Reply(audited, false, words + ": unknown key '" + name + "'; 'config show' lists the keys (Tab completes them)");
            }

            return index;
        }

        /// <summary><c>config get KEY</c>: its value, range and help.</summary>
        public void Get(string audited, string name)
        {
            int index = KeyOrReply(audited, "config get", name);
            if (index >= 0)
            {
                ConfigKey key = ConfigTable.Keys[index];
                _replies.Reply(audited, true, key.Name + " = " + _config.Show(index) + "  [" + key.RangeText() + "]\n  " + key.Help);
            }
        }

        /// <summary><c>config set KEY VALUE</c>: checked against the key's range, applied, not stored.</summary>
        public void Set(string audited, string name, string value)
        {
            int index = KeyOrReply(audited, "config set", name);
            if (index < 0)
            {
                return;
            }

            _saltCounter++;
            string error = _config.TrySet(index, value, _clock.UtcNow.Ticks ^ (_clock.NowMs << 20) ^ _saltCounter);
            if (error != null)
            {
                _replies.Reply(audited, false, "config set: " + error);
                return;
            }

            _replies.Reply(audited, true, Applied(ConfigTable.Keys[index].Name + " = " + _config.Show(index) + " (not stored until 'config save')"));
        }

        /// <summary><c>config save</c>: stores every key.</summary>
        public void Save(string audited)
        {
            if (_file.Save(_config))
            {
                _replies.Reply(audited, true, "configuration saved (generation " + _file.Generation.ToString() + ")");
            }
            else
            {
                _replies.Reply(audited, false, "config save: the storage refused the write; the stored configuration is unchanged; try again or check the flash");
            }
        }

        /// <summary><c>config default</c>: every key to its default, applied, not stored.</summary>
        public void Default(string audited)
        {
            _config.ResetToDefaults();
            _replies.Reply(audited, true, Applied("every key set to its default (the PIN too: " + ConfigTable.Keys[ConfigTable.MaintPin].DefaultText
                + "); not stored until 'config save'"));
        }

        // The station takes the new values; what it refuses is said after the change.
        private string Applied(string text)
        {
            ConsoleOutcome applied = _station.ApplyConfig(_config);
            return applied.Accepted ? text : text + "\nstation: " + applied.Message;
        }
    }
}
