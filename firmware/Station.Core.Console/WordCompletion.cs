using System.Collections;
using Station.Core.Config;

namespace Station.Core.Console
{
    /// <summary>Tab completion from the command table: nouns first, then a noun's verbs, then configuration keys after
    /// <c>config get/set</c>, nouns after <c>help</c>, and after <c>swap authorize VEHICLE</c> the booking terms not yet
    /// given and, after an <c>accepts</c> term, the pack standards (each name of a comma-separated list).</summary>
    public static class WordCompletion
    {
        /// <summary>Completes the last word of <paramref name="line"/>. Returns the completed line (unchanged when nothing
        /// can be added) and, when several words fit, lists them in <paramref name="candidates"/> (else null).</summary>
        public static string Complete(string line, out string[] candidates)
        {
            candidates = null;
            int lastSpace = line.LastIndexOf(' ');
            string head = lastSpace < 0 ? "" : line.Substring(0, lastSpace + 1);
            string partial = (lastSpace < 0 ? line : line.Substring(lastSpace + 1)).ToLower();
            string[] before = CommandTable.Split(head);
            if (before == null)
            {
                return line;
            }

            bool standards = false;
            string[] words = WordsAfter(before, ref standards);
            if (words == null)
            {
                return line;
            }

            if (standards)
            {
                // A list of standards: the name being typed is the one after the last comma; the names before it stay.
                int comma = partial.LastIndexOf(',');
                head = head + (comma < 0 ? "" : line.Substring(lastSpace + 1, comma + 1));
                partial = partial.Substring(comma + 1);
            }

            ArrayList fits = new ArrayList();
            for (int i = 0; i < words.Length; i++)
            {
                if (words[i].StartsWith(partial))
                {
                    fits.Add(words[i]);
                }
            }

            if (fits.Count == 0)
            {
                return line;
            }

            if (fits.Count == 1)
            {
                return head + (string)fits[0] + " ";
            }

            string common = (string)fits[0];
            for (int i = 1; i < fits.Count; i++)
            {
                common = CommonPrefix(common, (string)fits[i]);
            }

            if (common.Length > partial.Length)
            {
                return head + common;
            }

            candidates = new string[fits.Count];
            fits.CopyTo(candidates);
            return line;
        }

        private static string[] WordsAfter(string[] before, ref bool standards)
        {
            if (before.Length == 0)
            {
                return CommandTable.Nouns();
            }

            string noun = before[0].ToLower();
            if (before.Length == 1)
            {
                if (noun == "help")
                {
                    return CommandTable.Nouns();
                }

                string[] verbs = CommandTable.VerbsOf(noun);
                return verbs.Length == 0 ? null : verbs;
            }

            if (before.Length == 2 && noun == "config")
            {
                string verb = before[1].ToLower();
                if (verb == "get" || verb == "set")
                {
                    string[] keys = new string[ConfigTable.Keys.Length];
                    for (int i = 0; i < keys.Length; i++)
                    {
                        keys[i] = ConfigTable.Keys[i].Name;
                    }

                    return keys;
                }
            }

            if (before.Length >= 3 && noun == "swap" && before[1].ToLower() == "authorize")
            {
                return BookingWords(before, ref standards);
            }

            return null;
        }

        // After "swap authorize VEHICLE [PACK]": the terms not yet given; after "positions" nothing (digits); after an
        // accepts term the standards a vehicle may accept.
        private static string[] BookingWords(string[] before, ref bool standards)
        {
            int last = BookingTerms.TermOf(before[before.Length - 1]);
            if (before.Length > 3 && last == BookingTerms.PositionsTerm)
            {
                return null;
            }

            if (before.Length > 3 && last >= BookingTerms.AcceptsTerm)
            {
                standards = true;
                return PackStandards.AcceptableNames();
            }

            ArrayList open = new ArrayList();
            for (int t = 0; t < BookingTerms.Count; t++)
            {
                bool given = false;
                for (int i = 3; i < before.Length; i++)
                {
                    given |= BookingTerms.TermOf(before[i]) == t;
                }

                if (!given)
                {
                    open.Add(BookingTerms.Word(t));
                }
            }

            string[] words = new string[open.Count];
            open.CopyTo(words);
            return words;
        }

        private static string CommonPrefix(string a, string b)
        {
            int n = 0;
            while (n < a.Length && n < b.Length && a[n] == b[n])
            {
                n++;
            }

            return a.Substring(0, n);
        }
    }
}
