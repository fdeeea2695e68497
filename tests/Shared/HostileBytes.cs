using System;
using System.Collections.Generic;
using System.Text;

namespace Station.Tests.Shared
{
    /// <summary>Deterministic mutations of a valid input (JSON or a text line) into what an outsider may send instead:
    /// flipped bits, truncation, repeated pieces, huge numbers, deep nesting, broken or odd UTF-8, wrong types, oversize.
    /// The caller's seeded <see cref="Random"/> makes every failure reproducible from its round number.</summary>
    public static class HostileBytes
    {
        static readonly string[] Numbers =
        {
            "99999999999999999999999999", "-1", "0", "2147483648", "-2147483649", "9223372036854775808", "1e308", "-0", "1.5",
            "01", "1E2", "NaN", "Infinity", "0x10", "18446744073709551616", "4294967296", "65536", "-9223372036854775809",
        };

        static readonly string[] Values =
        {
            "null", "true", "false", "[]", "{}", "\"\"", "[1,2]", "{\"a\":1}", "\"\\u0000\"", "\"\\ud800\"", "\"\\\"", "\"a\\q\"",
            "\"\\u12\"", "1", "\"x\"",
        };

        static readonly byte[][] OddUtf8 =
        {
            new byte[] { 0xC0, 0xAF }, new byte[] { 0xE0, 0x80, 0xAF }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xF4, 0x90, 0x80, 0x80 },
            new byte[] { 0x80 }, new byte[] { 0xFF }, new byte[] { 0xEF, 0xBB, 0xBF }, new byte[] { 0x00 }, new byte[] { 0xE2, 0x82 },
            new byte[] { 0xC3, 0xA4 }, new byte[] { 0xF0, 0x9F, 0x9A, 0x80 }, new byte[] { 0x1B, 0x5B }, new byte[] { 0x7F }, new byte[] { 0x0D, 0x0A },
        };

        /// <summary>One to three mutations of <paramref name="valid"/>.</summary>
        public static byte[] Mutate(byte[] valid, Random rng)
        {
            var data = new List<byte>(valid);
            int count = 1 + rng.Next(3);
            for (int i = 0; i < count; i++) MutateOnce(data, rng);
            return data.ToArray();
        }

        static void MutateOnce(List<byte> d, Random rng)
        {
            int at = d.Count == 0 ? 0 : rng.Next(d.Count);
            switch (rng.Next(12))
            {
                case 0: if (d.Count > 0) d[at] ^= (byte)(1 << rng.Next(8)); break;
                case 1: if (d.Count > 0) d[at] = (byte)rng.Next(256); break;
                case 2: d.RemoveRange(at, d.Count - at); break; // truncation
                case 3: if (d.Count > 0) d.RemoveAt(at); break;
                case 4: DuplicatePiece(d, rng); break;
                case 5: ReplaceToken(d, rng, Numbers[rng.Next(Numbers.Length)], true); break;
                case 6: ReplaceToken(d, rng, Values[rng.Next(Values.Length)], false); break;
                case 7: ReplaceToken(d, rng, Nesting(rng), false); break;
                case 8: d.InsertRange(at, OddUtf8[rng.Next(OddUtf8.Length)]); break;
                case 9: Oversize(d, rng); break;
                case 10: d.InsertRange(at, Encoding.ASCII.GetBytes(new[] { ",", ":", "\"", "{", "}", "[", "]", "\\", " " }[rng.Next(9)])); break;
                default: if (d.Count > 0) d.Insert(at, d[rng.Next(d.Count)]); break;
            }
        }

        // A member (or any comma-separated piece) repeated: JSON with a duplicate key, or a word given twice.
        static void DuplicatePiece(List<byte> d, Random rng)
        {
            var commas = new List<int>();
            for (int i = 0; i < d.Count; i++) if (d[i] == (byte)',' || d[i] == (byte)' ') commas.Add(i);
            if (commas.Count < 2) { d.AddRange(d.ToArray()); return; }
            int a = rng.Next(commas.Count - 1);
            int start = commas[a], end = commas[a + 1];
            d.InsertRange(end, d.GetRange(start, end - start));
        }

        // The value after a ':' (or a word after a space) replaced by <paramref name="text"/>; only numbers when asked.
        static void ReplaceToken(List<byte> d, Random rng, string text, bool numbersOnly)
        {
            var starts = new List<int>();
            for (int i = 0; i + 1 < d.Count; i++)
            {
                if (d[i] != (byte)':' && d[i] != (byte)' ') continue;
                byte n = d[i + 1];
                if (!numbersOnly || (n >= (byte)'0' && n <= (byte)'9') || n == (byte)'-') starts.Add(i + 1);
            }
            if (starts.Count == 0) { d.AddRange(Encoding.ASCII.GetBytes(text)); return; }
            int s = starts[rng.Next(starts.Count)];
            int e = s;
            bool quoted = d[s] == (byte)'"';
            if (quoted) { e++; while (e < d.Count && d[e] != (byte)'"') e++; if (e < d.Count) e++; }
            else while (e < d.Count && d[e] != (byte)',' && d[e] != (byte)'}' && d[e] != (byte)' ' && d[e] != (byte)']') e++;
            d.RemoveRange(s, e - s);
            d.InsertRange(s, Encoding.ASCII.GetBytes(text));
        }

        static string Nesting(Random rng)
        {
            int depth = rng.Next(2) == 0 ? 1 + rng.Next(40) : 5000 + rng.Next(5000);
            var sb = new StringBuilder(depth * 8);
            bool arrays = rng.Next(2) == 0;
            for (int i = 0; i < depth; i++) sb.Append(arrays ? "[" : "{\"a\":");
            sb.Append('1');
            if (rng.Next(4) != 0) for (int i = 0; i < depth; i++) sb.Append(arrays ? "]" : "}");
            return sb.ToString();
        }

        // Just over a typical limit, or far over it, by repeating a piece or padding with spaces or a long string.
        static void Oversize(List<byte> d, Random rng)
        {
            int target = rng.Next(3) == 0 ? 100_000 + rng.Next(100_000) : 1000 + rng.Next(200);
            int at = d.Count == 0 ? 0 : rng.Next(d.Count);
            byte fill = rng.Next(2) == 0 ? (byte)' ' : (byte)'A';
            var pad = new byte[Math.Max(0, target - d.Count)];
            for (int i = 0; i < pad.Length; i++) pad[i] = fill;
            d.InsertRange(at, pad);
        }

        /// <summary><paramref name="p"/> as a failure message shows it: printable ASCII as itself, every other byte as
        /// \xNN, at most <paramref name="max"/> bytes (then the total length).</summary>
        public static string Show(byte[] p, int max)
        {
            var sb = new System.Text.StringBuilder();
            for (int i = 0; i < p.Length && i < max; i++)
                sb.Append(p[i] >= 32 && p[i] < 127 ? ((char)p[i]).ToString() : "\\x" + p[i].ToString("X2"));
            if (p.Length > max) sb.Append("...(" + p.Length + " bytes)");
            return sb.ToString();
        }
    }
}
