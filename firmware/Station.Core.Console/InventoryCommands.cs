using Station.Core.Config;

namespace Station.Core.Console
{
    /// <summary>The inventory commands (<c>rack set</c>, <c>rack clear</c>, <c>pack place</c>): the technician tells the
    /// station what really stands where after a fault. Maintenance only (the table says so); the words are checked here,
    /// the station checks the rest and journals the change.</summary>
    public sealed class InventoryCommands
    {
        private static readonly string[] RackStateWords = { "charging", "ready", "faulty" };
        private static readonly PackState[] RackStates = { PackState.Charging, PackState.Ready, PackState.Faulty };

        private readonly ConsoleReplies _replies;
        private readonly IConsoleStation _station;

        /// <summary>Inventory commands on <paramref name="station"/>.</summary>
        public InventoryCommands(ConsoleReplies replies, IConsoleStation station)
        {
            _replies = replies;
            _station = station;
        }

        /// <summary><c>rack set SLOT SERIAL SOC STATE</c>.</summary>
        public void RackSet(string audited, string slotText, string serial, string socText, string stateText)
        {
            int slot = SlotOrReply(audited, "rack set", slotText);
            if (slot < 0)
            {
                return;
            }

            if (!ConsoleWords.IsIdentifier(serial) || serial.ToLower() == "none")
            {
                _replies.Reply(audited, false, "rack set: '" + serial + "' is not a pack serial; expected 1 to 24 characters of A-Z a-z 0-9 . _ - (to empty a slot: 'rack clear " + slot.ToString() + "')");
                return;
            }

            int soc = SocOrReply(audited, "rack set", socText);
            if (soc < 0)
            {
                return;
            }

            int state = IndexOf(RackStateWords, stateText);
            if (state < 0)
            {
                _replies.Reply(audited, false, "rack set: state '" + stateText + "' is not one of " + Join(RackStateWords));
                return;
            }

            _replies.Outcome(audited, "rack set", _station.SetRackSlot(slot, serial, soc, RackStates[state]));
        }

        /// <summary><c>rack clear SLOT</c>.</summary>
        public void RackClear(string audited, string slotText)
        {
            int slot = SlotOrReply(audited, "rack clear", slotText);
            if (slot >= 0)
            {
                _replies.Outcome(audited, "rack clear", _station.SetRackSlot(slot, null, -1, PackState.Empty));
            }
        }

        /// <summary><c>pack place PLACE SERIAL|none [SOC]</c>.</summary>
        public void PackPlaceSet(string audited, string placeText, string serial, string socText)
        {
            string[] placeWords = _station.PlaceWords;
            int place = IndexOf(placeWords, placeText);
            if (place < 0)
            {
                _replies.Reply(audited, false, "pack place: place '" + placeText + "' is not one of " + Join(placeWords));
                return;
            }

            if (serial.ToLower() == "none")
            {
                if (socText != null)
                {
                    _replies.Reply(audited, false, "pack place: an empty place has no SOC; usage: 'pack place " + placeWords[place] + " none'");
                    return;
                }

                _replies.Outcome(audited, "pack place", _station.SetPackPlace((PackPlace)place, null, -1));
                return;
            }

            if (!ConsoleWords.IsIdentifier(serial))
            {
                _replies.Reply(audited, false, "pack place: '" + serial + "' is not a pack serial; expected 1 to 24 characters of A-Z a-z 0-9 . _ - or 'none'");
                return;
            }

            int soc = -1;
            if (socText != null)
            {
                soc = SocOrReply(audited, "pack place", socText);
                if (soc < 0)
                {
                    return;
                }
            }

            _replies.Outcome(audited, "pack place", _station.SetPackPlace((PackPlace)place, serial, soc));
        }

        /// <summary>One console word per place name: its first word where no other name starts with it ("return point"
        /// is "return"), else the name without spaces ("block 2" is "block2").</summary>
        public static string[] WordsOf(string[] names)
        {
            string[] words = new string[names.Length];
            for (int i = 0; i < names.Length; i++)
            {
                string first = FirstWord(names[i]);
                bool unique = true;
                for (int j = 0; j < names.Length; j++)
                {
                    if (j != i && FirstWord(names[j]) == first)
                    {
                        unique = false;
                    }
                }

                words[i] = unique ? first : WithoutSpaces(names[i]);
            }

            return words;
        }

        private static string FirstWord(string name)
        {
            int space = name.IndexOf(' ');
            return (space < 0 ? name : name.Substring(0, space)).ToLower();
        }

        private static string WithoutSpaces(string name)
        {
            char[] chars = new char[name.Length];
            int n = 0;
            for (int i = 0; i < name.Length; i++)
            {
                if (name[i] != ' ')
                {
                    chars[n++] = name[i];
                }
            }

            return new string(chars, 0, n).ToLower();
        }

        private int SlotOrReply(string audited, string words, string text)
        {
            int count = _station.RackSlotCount;
            int slot;
            if (!NumberText.TryParse(text, out slot) || slot < 0 || slot >= count)
            {
                _replies.Reply(audited, false, words + ": slot '" + text + "' does not exist; the slots are 0.." + (count - 1).ToString() + " ('rack show' lists them)");
                return -1;
            }

            return slot;
        }

        private int SocOrReply(string audited, string words, string text)
        {
            int soc;
            if (!NumberText.TryParse(text, out soc) || soc < 0 || soc > 100)
            {
                _replies.Reply(audited, false, words + ": SOC '" + text + "' must be a whole percent between 0 and 100");
                return -1;
            }

            return soc;
        }

        private static int IndexOf(string[] words, string text)
        {
            string lower = text.ToLower();
            for (int i = 0; i < words.Length; i++)
            {
                if (words[i] == lower)
                {
                    return i;
                }
            }

            return -1;
        }

        private static string Join(string[] words)
        {
            string text = "";
            for (int i = 0; i < words.Length; i++)
            {
                text = text + (i == 0 ? "" : i == words.Length - 1 ? " or " : ", ") + words[i];
            }

            return text;
        }
    }
}
