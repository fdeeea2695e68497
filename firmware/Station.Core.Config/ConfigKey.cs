namespace Station.Core.Config
{
    /// <summary>One row of the configuration table: name, kind, unit, range, default and a line of help.</summary>
    public sealed class ConfigKey
    {
        /// <summary>Dotted key name as typed on the console and stored in the file (<c>lift.speed_mm_s</c>).</summary>
        public readonly string Name;
        /// <summary>Value kind.</summary>
        public readonly ConfigKind Kind;
        /// <summary>Unit shown after the value and in range messages ("mm/s", "ms", "%"), or "" for none.</summary>
        public readonly string Unit;
        /// <summary>Smallest allowed value (Integer), shortest length (Word, Host) or fewest entries (WordList).</summary>
        public readonly int Min;
        /// <summary>Largest allowed value (Integer), longest length (Word, Host) or most entries (WordList).</summary>
        public readonly int Max;
        /// <summary>Default for Integer keys.</summary>
        public readonly int DefaultNumber;
        /// <summary>Default for text keys (for PinHash: the default PIN, hashed with a fixed salt on first use).</summary>
        public readonly string DefaultText;
        /// <summary>One line of help.</summary>
        public readonly string Help;
        /// <summary>For a WordList: the only words allowed as entries, or null for any word.</summary>
        public string[] Choices;
        /// <summary>Why the cloud may never set this key (set on site only), or null when <c>config.set</c> from the cloud
        /// may change it.</summary>
        public string SiteOnlyReason;

        /// <summary>An Integer key.</summary>
        public ConfigKey(string name, string unit, int min, int max, int defaultNumber, string help)
        {
            Name = name;
            Kind = ConfigKind.Integer;
            Unit = unit;
            Min = min;
            Max = max;
            DefaultNumber = defaultNumber;
            DefaultText = "";
            Help = help;
        }

        /// <summary>A text key (Word, WordList, Host, PinHash).</summary>
        public ConfigKey(string name, ConfigKind kind, int min, int max, string defaultText, string help)
        {
            Name = name;
            Kind = kind;
            Unit = "";
            Min = min;
            Max = max;
            DefaultNumber = 0;
            DefaultText = defaultText;
            Help = help;
        }

        /// <summary>Restricts a WordList's entries to <paramref name="choices"/>; returns this row.</summary>
        public ConfigKey OneOf(string[] choices)
        {
            Choices = choices;
            return this;
        }

        /// <summary>Marks the key as settable on site only (console), never by the cloud, for <paramref name="reason"/>;
        /// returns this row.</summary>
        public ConfigKey SiteOnly(string reason)
        {
            SiteOnlyReason = reason;
            return this;
        }

        /// <summary>True when the cloud's <c>config.set</c> may change this key.</summary>
        public bool RemotelySettable { get { return SiteOnlyReason == null; } }

        /// <summary>The allowed values in words, for help and error messages ("10..500 mm/s").</summary>
        public string RangeText()
        {
            switch (Kind)
            {
                case ConfigKind.Integer:
                    return Unit.Length == 0 ? Min.ToString() + ".." + Max.ToString()
                        : Min.ToString() + ".." + Max.ToString() + " " + Unit;
                case ConfigKind.Word:
                    return StationName.RuleText;
                case ConfigKind.WordList:
                    if (Choices != null)
                    {
                        string list = "";
                        for (int i = 0; i < Choices.Length; i++) list = i == 0 ? Choices[i] : list + ", " + Choices[i];
                        return Min.ToString() + " to " + Max.ToString() + " comma-separated of: " + list;
                    }

                    return Min.ToString() + " to " + Max.ToString() + " comma-separated words of a-z A-Z 0-9 . _ - #";
                case ConfigKind.Host:
                    return "a host name or IPv4 address, " + Min.ToString() + " to " + Max.ToString() + " characters";
                default:
                    return Min.ToString() + " to " + Max.ToString() + " digits";
            }
        }
    }
}
