using Station.Core.Config;

namespace Station.Core
{
    /// <summary>The booking terms of a swap authorisation, read from text: <c>positions</c> (a truck's block positions,
    /// like <c>1,3</c>), <c>accepts</c> (the standards every position, or a car, accepts) and <c>accepts1</c>..<c>accepts3</c>
    /// (one position's own). The cloud's <c>swap.authorize</c> members and the console's <c>swap authorize</c> words are
    /// these same terms, so both read them here, with the same refusals. One instance per command, cleared before each.</summary>
    /// <remarks>Commands only (allocates words for a refusal), never the control tick. Whether the booking fits the bay
    /// and the truck is the admission chain's to judge, not this reader's.</remarks>
    public sealed class BookingTerms
    {
        /// <summary>Most block positions a truck has (1..3).</summary>
        public const int MaxPositions = 3;

        /// <summary>Longest list of standard names read (all seven names with commas fit).</summary>
        public const int MaxStandardsText = 96;

        /// <summary>Term number of <c>positions</c>.</summary>
        public const int PositionsTerm = 0;

        /// <summary>Term number of <c>accepts</c>; <c>accepts</c>p is term <c>AcceptsTerm + p</c>.</summary>
        public const int AcceptsTerm = 1;

        // The terms, index = term number: positions, then accepts for every position (0) and for position 1..3.
        private static readonly string[] Terms = { "positions", "accepts", "accepts1", "accepts2", "accepts3" };

        private int _given;

        /// <summary>The block positions booked, bit p-1 for position p (0 = none given).</summary>
        public int Positions;

        /// <summary>The standards every position (or a car) accepts, a PackStandards mask (0 = any).</summary>
        public int Accepts;

        /// <summary>Per block position (index = position - 1) its own standards (0 = as <see cref="Accepts"/>).</summary>
        public readonly int[] PositionAccepts = new int[MaxPositions];

        /// <summary>Number of terms.</summary>
        public static int Count { get { return Terms.Length; } }

        /// <summary>The word of term <paramref name="term"/> (0..Count-1).</summary>
        public static string Word(int term) { return Terms[term]; }

        /// <summary>The term <paramref name="word"/> names (case-insensitive), or -1.</summary>
        public static int TermOf(string word)
        {
            if (word == null) return -1;
            string lower = word.ToLower();
            for (int i = 0; i < Terms.Length; i++) if (Terms[i] == lower) return i;
            return -1;
        }

        /// <summary>Forgets every term read.</summary>
        public void Clear()
        {
            _given = 0;
            Positions = 0;
            Accepts = 0;
            for (int i = 0; i < PositionAccepts.Length; i++) PositionAccepts[i] = 0;
        }

        /// <summary>True when no term was read.</summary>
        public bool Empty { get { return _given == 0; } }

        /// <summary>Reads term <paramref name="term"/>'s value <paramref name="text"/>; null when it reads, else the
        /// refusal in words, starting with the term's word.</summary>
        public string Take(int term, string text)
        {
            if (term < 0 || term >= Terms.Length) return "not a booking term";
            string word = Terms[term];
            if ((_given & (1 << term)) != 0) return string.Concat(word, ": given twice");
            _given |= 1 << term;
            if (term == PositionsTerm)
            {
                Positions = PositionMask(text);
                return Positions > 0 ? null : string.Concat(word, ": 1 to 3 different block positions 1..3 separated by commas, like 1,3");
            }
            int mask = text == null || text.Length > MaxStandardsText ? -1 : PackStandards.MaskOf(text);
            // "accepts" may say any ("" or "any"); a position's own list exists to narrow it, so it must name some.
            if (mask > 0 || (mask == 0 && term == AcceptsTerm))
            {
                if (term == AcceptsTerm) Accepts = mask;
                else PositionAccepts[term - AcceptsTerm - 1] = mask;
                return null;
            }
            string bad = UnknownName(text);
            return string.Concat(word, ": pack standards separated by commas (", KnownNames(), ")",
                bad == null ? "" : string.Concat("; '", bad, "' is none of them"));
        }

        /// <summary>After every term: null, or the refusal when a position's own standards name a position the booking
        /// does not book.</summary>
        public string Unbooked()
        {
            for (int p = 1; p <= MaxPositions; p++)
                if (PositionAccepts[p - 1] != 0 && (Positions & (1 << (p - 1))) == 0)
                    return string.Concat(Terms[AcceptsTerm + p], ": block position ", p.ToString(), " is not in positions");
            return null;
        }

        /// <summary>A new array of each position's own standards for SwapAuthorization.PositionStandards, or null when
        /// no position has its own.</summary>
        public int[] PositionStandards()
        {
            int[] own = null;
            for (int i = 0; i < PositionAccepts.Length; i++)
            {
                if (PositionAccepts[i] == 0) continue;
                if (own == null) own = new int[PositionAccepts.Length];
                own[i] = PositionAccepts[i];
            }
            return own;
        }

        /// <summary>The mask of a list of block positions ("1,3", "3, 2, 1": single digits 1..3, each once, separated by
        /// commas, blanks around them allowed), or -1 for anything else ("", "01", "1.0", "1,,2", "1 2", "4").</summary>
        public static int PositionMask(string text)
        {
            if (text == null) return -1;
            int p = 0, end = text.Length, mask = 0, n = 0;
            while (true)
            {
                p = SkipBlanks(text, p);
                if (p >= end) return n == 0 ? -1 : mask;
                if (n > 0)
                {
                    if (text[p] != ',') return -1;
                    p = SkipBlanks(text, p + 1);
                }
                // One digit 1..3 and then no further digit: "01", "12", "1.0", "-1", "\"1\"" are all refused.
                if (p >= end || text[p] < '1' || text[p] > '3') return -1;
                int bit = 1 << (text[p] - '1');
                p++;
                if (p < end && text[p] != ',' && !Blank(text[p])) return -1;
                if ((mask & bit) != 0 || n == MaxPositions) return -1;
                mask |= bit;
                n++;
            }
        }

        private static int SkipBlanks(string text, int p)
        {
            while (p < text.Length && Blank(text[p])) p++;
            return p;
        }

        private static bool Blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

        // The catalogue's names a vehicle may accept ("unspecified" is not one), for the refusal.
        private static string KnownNames()
        {
            string[] names = PackStandards.AcceptableNames();
            string text = names[0];
            for (int i = 1; i < names.Length; i++) text = string.Concat(text, ", ", names[i]);
            return text;
        }

        // The first comma-separated name that is no catalogued standard a vehicle may accept, or null (an empty list).
        private static string UnknownName(string text)
        {
            if (text == null) return null;
            string[] parts = text.Split(new char[] { ',' });
            for (int i = 0; i < parts.Length; i++)
            {
                string name = parts[i].Trim();
                if (name.Length == 0) continue;
                if (PackStandards.CodeOf(name) > 0) continue;
                return PrintableText.Of(name, 24); // echoed in a reply and the audit trail
            }
            return null;
        }
    }
}
