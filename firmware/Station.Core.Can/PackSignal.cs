namespace Station.Core.Can
{
    /// <summary>One row of a pack-protocol table: where a value sits in a message and how it becomes a physical value.</summary>
    /// <remarks>
    /// Positions are written the way the standards print them: <see cref="Byte"/> is 1-based, <see cref="Bit"/> is
    /// 1-based with bit 1 = least significant (GB/T 27930-2015 "bit n.m"). A field may span bytes; the
    /// bytes from <see cref="Byte"/> on are read as one little-endian word. Resolution and offset are exact decimals:
    /// the constructor turns them into integer units of 10^-<see cref="Decimals"/> so decoding never needs floating point
    /// and prints exactly what the standard's arithmetic gives (378.1, not 378.09999).
    /// </remarks>
    public sealed class PackSignal
    {
        /// <summary>JSON key (snake_case, SI unit suffix).</summary>
        public readonly string Key;
        /// <summary>How the bytes are read.</summary>
        public readonly SignalKind Kind;
        /// <summary>First byte, 1-based.</summary>
        public readonly int Byte;
        /// <summary>First bit in <see cref="Byte"/>, 1-based from the least significant bit.</summary>
        public readonly int Bit;
        /// <summary>Width in bits (Number/Enumeration) or bytes (Text).</summary>
        public readonly int Width;
        /// <summary>Resolution per bit as printed in the standard (0.1 V/bit → 0.1).</summary>
        public readonly double Resolution;
        /// <summary>Offset added after scaling (−400 A, −50 °C, +1 for indices, 1985 for a year).</summary>
        public readonly double Offset;
        /// <summary>Decimal places needed to print resolution and offset exactly.</summary>
        public readonly int Decimals;
        /// <summary>Resolution in units of 10^-Decimals.</summary>
        public readonly long ScaleUnits;
        /// <summary>Offset in units of 10^-Decimals.</summary>
        public readonly long OffsetUnits;
        /// <summary>True when <see cref="Min"/>/<see cref="Max"/> bound the physical value.</summary>
        public bool HasRange;
        /// <summary>Smallest plausible physical value.</summary>
        public double Min;
        /// <summary>Largest plausible physical value.</summary>
        public double Max;
        /// <summary>All-ones raw value means "not available" (printed as null).</summary>
        public bool NullWhenAllOnes;
        /// <summary>Enumeration: key of the raw code (the name goes under <see cref="Key"/>).</summary>
        public string CodeKey;
        /// <summary>Enumeration: codes with a name.</summary>
        public int[] Codes;
        /// <summary>Enumeration: names of <see cref="Codes"/>, same order.</summary>
        public string[] Names;
        /// <summary>Number: when set, the raw value is also printed as hex under this key.</summary>
        public string HexKey;

        /// <summary>Creates a row; prefer the static factories.</summary>
        public PackSignal(string key, SignalKind kind, int byteNumber, int bit, int width, double resolution, double offset)
        {
            Key = key;
            Kind = kind;
            Byte = byteNumber;
            Bit = bit;
            Width = width;
            Resolution = resolution;
            Offset = offset;
            int d = 0;
            long pow = 1;
            while (d < 6 && (!IsWhole(resolution * pow) || !IsWhole(offset * pow))) { d++; pow *= 10; }
            Decimals = d;
            ScaleUnits = Round(resolution * pow);
            OffsetUnits = Round(offset * pow);
            // Worked out once here, not per frame: on nanoFramework's interpreter every 64-bit operation and call counts.
            ByteSpan = SpanOf(kind, bit, width);
            First = byteNumber - 1;
            End = First + ByteSpan;
            Shift = bit - 1;
            Numeric = kind == SignalKind.Number || kind == SignalKind.Enumeration;
            Mask = (1UL << width) - 1;
            double div = 1;
            for (int i = 0; i < d; i++) div *= 10;
            Divisor = div;
        }

        /// <summary>Number of bytes the field touches, counted from <see cref="Byte"/> (a field: the decoder reads it per frame).</summary>
        public readonly int ByteSpan;
        /// <summary>The raw value's bit mask, (1 &lt;&lt; Width) - 1.</summary>
        internal readonly ulong Mask;
        /// <summary>0-based index of <see cref="Byte"/>.</summary>
        internal readonly int First;
        /// <summary>First + ByteSpan: a message shorter than this lacks the field.</summary>
        internal readonly int End;
        /// <summary>Bit - 1: the shift that brings the field to bit 0.</summary>
        internal readonly int Shift;
        /// <summary>A Number or an Enumeration: a bit field with a raw value.</summary>
        internal readonly bool Numeric;
        /// <summary>10^Decimals: physical value = units / Divisor.</summary>
        internal readonly double Divisor;


        private static int SpanOf(SignalKind kind, int bit, int width)
        {
            switch (kind)
            {
                case SignalKind.Text: return width;
                case SignalKind.Version: return 3;
                case SignalKind.Date: return 3;
                case SignalKind.SoftwareVersion: return 8;
                case SignalKind.BcdTime: return 7;
                default: return (bit - 1 + width + 7) / 8;
            }
        }

        /// <summary>Unsigned bit field: physical = raw × resolution + offset.</summary>
        public static PackSignal Number(string key, int byteNumber, int bit, int bits, double resolution, double offset)
        {
            return new PackSignal(key, SignalKind.Number, byteNumber, bit, bits, resolution, offset);
        }

        /// <summary>Whole bytes (8, 16, 24 or 32 bits) starting at <paramref name="byteNumber"/>.</summary>
        public static PackSignal Bytes(string key, int byteNumber, int bytes, double resolution, double offset)
        {
            return new PackSignal(key, SignalKind.Number, byteNumber, 1, bytes * 8, resolution, offset);
        }

        /// <summary>A GB/T 2-bit status code at "bit n.m" (raw 0..3 kept).</summary>
        public static PackSignal Code2(string key, int byteNumber, int bit)
        {
            return new PackSignal(key, SignalKind.Number, byteNumber, bit, 2, 1, 0);
        }

        /// <summary>An enumerated code: prints the code under <paramref name="codeKey"/> and its name under <paramref name="key"/>.</summary>
        public static PackSignal Enumeration(string codeKey, string key, int byteNumber, int[] codes, string[] names)
        {
            PackSignal s = new PackSignal(key, SignalKind.Enumeration, byteNumber, 1, 8, 1, 0);
            s.CodeKey = codeKey;
            s.Codes = codes;
            s.Names = names;
            return s;
        }

        /// <summary>ASCII text of <paramref name="bytes"/> bytes; all 0xFF → null.</summary>
        public static PackSignal Text(string key, int byteNumber, int bytes)
        {
            PackSignal s = new PackSignal(key, SignalKind.Text, byteNumber, 1, bytes, 1, 0);
            s.NullWhenAllOnes = true;
            return s;
        }

        /// <summary>Protocol version (3 bytes: minor, major LE).</summary>
        public static PackSignal Version(string key, int byteNumber)
        {
            return new PackSignal(key, SignalKind.Version, byteNumber, 1, 24, 1, 0);
        }

        /// <summary>Date of 3 bytes (year + <paramref name="yearOffset"/>, month, day); all 0xFF → null.</summary>
        public static PackSignal Date(string key, int byteNumber, int yearOffset)
        {
            PackSignal s = new PackSignal(key, SignalKind.Date, byteNumber, 1, 24, 1, yearOffset);
            s.NullWhenAllOnes = true;
            return s;
        }

        /// <summary>GB/T BMS software version block of 8 bytes; all 0xFF → null.</summary>
        public static PackSignal SoftwareVersion(string key, int byteNumber)
        {
            PackSignal s = new PackSignal(key, SignalKind.SoftwareVersion, byteNumber, 1, 64, 1, 0);
            s.NullWhenAllOnes = true;
            return s;
        }

        /// <summary>Packed BCD date and time of 7 bytes; all 0xFF → null.</summary>
        public static PackSignal BcdTime(string key, int byteNumber)
        {
            PackSignal s = new PackSignal(key, SignalKind.BcdTime, byteNumber, 1, 56, 1, 0);
            s.NullWhenAllOnes = true;
            return s;
        }

        /// <summary>Sets the plausible range of the physical value; returns this row.</summary>
        public PackSignal Range(double min, double max)
        {
            HasRange = true;
            Min = min;
            Max = max;
            return this;
        }

        /// <summary>Marks the all-ones raw value as "not available" (null); returns this row.</summary>
        public PackSignal Optional()
        {
            NullWhenAllOnes = true;
            return this;
        }

        /// <summary>Also prints the raw value as hex under <paramref name="hexKey"/>; returns this row.</summary>
        public PackSignal WithHex(string hexKey)
        {
            HexKey = hexKey;
            return this;
        }

        /// <summary>Name of an enumeration code, or null when the table has none.</summary>
        public string NameOf(long code)
        {
            if (Codes == null) return null;
            for (int i = 0; i < Codes.Length; i++) if (Codes[i] == code) return Names[i];
            return null;
        }

        private static bool IsWhole(double x)
        {
            double r = x - Round(x);
            return r < 1e-9 && r > -1e-9;
        }

        private static long Round(double x)
        {
            return x >= 0 ? (long)(x + 0.5) : -(long)(-x + 0.5);
        }
    }
}
