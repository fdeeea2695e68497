namespace Station.Core.Config
{
    /// <summary>The running configuration: one value per <see cref="ConfigTable"/> row, checked on every change.</summary>
    /// <remarks>
    /// A change is checked alone (kind, range, characters) and then against the other keys (soft limits inside the
    /// travel, vehicle height inside the soft limits); a refused change leaves every value as it was.
    /// </remarks>
    public sealed class ConfigValues
    {
        private readonly int[] _numbers;
        private readonly string[] _texts;

        /// <summary>Every key at its default.</summary>
        public ConfigValues()
        {
            _numbers = new int[ConfigTable.Keys.Length];
            _texts = new string[ConfigTable.Keys.Length];
            ResetToDefaults();
        }

        /// <summary>True when a value changed since the last save or load.</summary>
        public bool Unsaved { get; set; }

        /// <summary>Sets every key to its default (and marks the configuration unsaved).</summary>
        public void ResetToDefaults()
        {
            for (int i = 0; i < ConfigTable.Keys.Length; i++)
            {
                ConfigKey key = ConfigTable.Keys[i];
                _numbers[i] = key.DefaultNumber;
                _texts[i] = key.Kind == ConfigKind.PinHash ? PinHash.Create(key.DefaultText, 0) : key.DefaultText;
            }

            Unsaved = true;
        }

        /// <summary>Copies every value from <paramref name="other"/>.</summary>
        public void CopyFrom(ConfigValues other)
        {
            for (int i = 0; i < _numbers.Length; i++)
            {
                _numbers[i] = other._numbers[i];
                _texts[i] = other._texts[i];
            }
        }

        /// <summary>The value of an Integer key.</summary>
        public int Number(int index)
        {
            return _numbers[index];
        }

        /// <summary>The value of a text key (for PinHash: the stored salt:hash form).</summary>
        public string Text(int index)
        {
            return _texts[index];
        }

        /// <summary>The value as <c>config get</c> shows it, with its unit; a PIN is never shown.</summary>
        public string Show(int index)
        {
            ConfigKey key = ConfigTable.Keys[index];
            switch (key.Kind)
            {
                case ConfigKind.Integer:
                    return key.Unit.Length == 0 ? _numbers[index].ToString() : _numbers[index].ToString() + " " + key.Unit;
                case ConfigKind.PinHash:
                    return "(set; stored as a salted SHA-256 hash)";
                default:
                    return _texts[index];
            }
        }

        /// <summary>The value as the configuration file stores it (numbers bare, the PIN as salt:hash).</summary>
        public string Stored(int index)
        {
            return ConfigTable.Keys[index].Kind == ConfigKind.Integer ? _numbers[index].ToString() : _texts[index];
        }

        /// <summary>True when <paramref name="pin"/> is the maintenance PIN.</summary>
        public bool PinMatches(string pin)
        {
            return PinHash.Matches(_texts[ConfigTable.MaintPin], pin);
        }

        /// <summary>Sets a key from console text. Returns null when accepted, otherwise what was wrong and what would be
        /// right. A PIN is given in clear (4–8 digits) and stored hashed with a salt from <paramref name="saltSeed"/>.</summary>
        public string TrySet(int index, string text, long saltSeed)
        {
            ConfigKey key = ConfigTable.Keys[index];
            string error = Check(key, text);
            if (error != null)
            {
                return error;
            }

            int oldNumber = _numbers[index];
            string oldText = _texts[index];
            if (key.Kind == ConfigKind.Integer)
            {
                int value;
                NumberText.TryParse(text, out value);
                _numbers[index] = value;
            }
            else if (key.Kind == ConfigKind.PinHash)
            {
                _texts[index] = PinHash.Create(text, saltSeed);
            }
            else
            {
                _texts[index] = text;
            }

            string conflict = CheckTogether();
            if (conflict != null)
            {
                _numbers[index] = oldNumber;
                _texts[index] = oldText;
                return key.Name + ": " + conflict;
            }

            Unsaved = true;
            return null;
        }

        /// <summary>Sets a key from its stored form (file load). Returns null when accepted, otherwise why not.</summary>
        public string TrySetStored(int index, string text)
        {
            ConfigKey key = ConfigTable.Keys[index];
            if (key.Kind == ConfigKind.PinHash)
            {
                if (!PinHash.IsStoredForm(text))
                {
                    return key.Name + ": stored PIN hash is malformed";
                }

                _texts[index] = text;
                return null;
            }

            string error = Check(key, text);
            if (error != null)
            {
                return error;
            }

            if (key.Kind == ConfigKind.Integer)
            {
                int value;
                NumberText.TryParse(text, out value);
                _numbers[index] = value;
            }
            else
            {
                _texts[index] = text;
            }

            return null;
        }

        /// <summary>Checks the relations between keys. Null when consistent, otherwise the broken relation.</summary>
        public string CheckTogether()
        {
            int travel = _numbers[ConfigTable.LiftTravelMm];
            int softMin = _numbers[ConfigTable.LiftSoftMinMm];
            int softMax = _numbers[ConfigTable.LiftSoftMaxMm];
            int vehicle = _numbers[ConfigTable.LiftVehicleHeightMm];
            if (softMax >= travel)
            {
                return "lift.soft_max_mm (" + softMax.ToString() + " mm) must be below lift.travel_mm (" + travel.ToString() + " mm)";
            }

            if (softMin >= softMax)
            {
                return "lift.soft_min_mm (" + softMin.ToString() + " mm) must be below lift.soft_max_mm (" + softMax.ToString() + " mm)";
            }

            if (vehicle < softMin || vehicle > softMax)
            {
                return "lift.vehicle_height_mm (" + vehicle.ToString() + " mm) must lie between lift.soft_min_mm and lift.soft_max_mm ("
                    + softMin.ToString() + ".." + softMax.ToString() + " mm)";
            }

            int coldest = _numbers[ConfigTable.PackMinTempC];
            int hottest = _numbers[ConfigTable.PackMaxTempC];
            if (coldest >= hottest)
            {
                return "gate.pack_min_temp_c (" + coldest.ToString() + " C) must be below gate.pack_max_temp_c (" + hottest.ToString() + " C)";
            }

            int speed = _numbers[ConfigTable.LiftSpeedMmS];
            int homing = _numbers[ConfigTable.LiftHomingSpeedMmS];
            int jog = _numbers[ConfigTable.LiftJogSpeedMmS];
            if (homing > speed || jog > speed)
            {
                return "lift.homing_speed_mm_s (" + homing.ToString() + ") and lift.jog_speed_mm_s (" + jog.ToString()
                    + ") must not exceed lift.speed_mm_s (" + speed.ToString() + " mm/s)";
            }

            return null;
        }

        private static string Check(ConfigKey key, string text)
        {
            if (text == null || text.Length == 0)
            {
                return key.Name + ": a value is needed; expected " + key.RangeText();
            }

            switch (key.Kind)
            {
                case ConfigKind.Integer:
                    int value;
                    if (!NumberText.TryParse(text, out value))
                    {
                        return key.Name + ": '" + text + "' is not a whole number; expected " + key.RangeText();
                    }

                    if (value < key.Min || value > key.Max)
                    {
                        return key.Name + ": " + value.ToString() + " is out of range; expected " + key.RangeText();
                    }

                    return null;

                case ConfigKind.PinHash:
                    return PinHash.IsWellFormed(text) ? null
                        : key.Name + ": a PIN is " + PinHash.MinDigits.ToString() + " to " + PinHash.MaxDigits.ToString() + " digits";

                case ConfigKind.WordList:
                    return CheckList(key, text);

                case ConfigKind.Word:
                    return StationName.IsValid(text) ? null
                        : key.Name + ": '" + text + "' is not valid; expected " + key.RangeText() + " (it is an MQTT client id or topic level)";

                default:
                    if (text.Length < key.Min || text.Length > key.Max || !AllWordChars(text, key.Kind == ConfigKind.Host))
                    {
                        return key.Name + ": '" + text + "' is not valid; expected " + key.RangeText();
                    }

                    return null;
            }
        }

        private static string CheckList(ConfigKey key, string text)
        {
            int entries = 1;
            int length = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == ',')
                {
                    if (length == 0)
                    {
                        return key.Name + ": empty entry in '" + text + "'; expected " + key.RangeText();
                    }

                    entries++;
                    length = 0;
                }
                else if (IsWordChar(c, false) || (c == '#' && key.Choices == null))
                {
                    length++;
                    if (length > 16)
                    {
                        return key.Name + ": an entry is longer than 16 characters; expected " + key.RangeText();
                    }
                }
                else
                {
                    return key.Name + ": '" + text + "' is not valid; expected " + key.RangeText();
                }
            }

            if (length == 0)
            {
                return key.Name + ": empty entry in '" + text + "'; expected " + key.RangeText();
            }

            if (entries < key.Min || entries > key.Max)
            {
                return key.Name + ": " + entries.ToString() + " entries; expected " + key.RangeText();
            }

            if (key.Choices != null)
            {
                string[] words = text.Split(new char[] { ',' });
                for (int w = 0; w < words.Length; w++)
                {
                    if (IndexOfChoice(key.Choices, words[w]) < 0)
                    {
                        return key.Name + ": '" + words[w] + "' is not one of the choices; expected " + key.RangeText();
                    }
                }
            }

            return null;
        }

        /// <summary>Index of <paramref name="word"/> in <paramref name="choices"/>, or -1.</summary>
        public static int IndexOfChoice(string[] choices, string word)
        {
            for (int i = 0; i < choices.Length; i++)
            {
                if (choices[i] == word)
                {
                    return i;
                }
            }

            return -1;
        }

        private static bool AllWordChars(string text, bool host)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (!IsWordChar(text[i], host))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsWordChar(char c, bool host)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
                || (!host && c == '_');
        }
    }
}
