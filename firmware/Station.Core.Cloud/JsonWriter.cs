using System;

namespace Station.Core.Cloud
{
    /// <summary>Writes compact JSON as UTF-8 straight into a preallocated byte buffer: no strings, no allocation
    /// (nanoFramework has no JSON library we want to pay for). Commas are placed automatically.</summary>
    /// <remarks>
    /// When the buffer runs out, <see cref="Overflow"/> turns true and further writes are ignored; the caller checks it
    /// once at the end and drops the message instead of sending half a document. Nesting is limited to
    /// <see cref="MaxDepth"/> levels.
    /// </remarks>
    public sealed class JsonWriter
    {
        /// <summary>Deepest nesting of objects and arrays.</summary>
        public const int MaxDepth = 8;

        readonly byte[] _buffer;
        readonly bool[] _needComma = new bool[MaxDepth + 1];
        int _length;
        int _depth;
        bool _afterName;
        bool _overflow;

        /// <summary>Creates a writer over its own buffer of <paramref name="capacity"/> bytes.</summary>
        public JsonWriter(int capacity)
        {
            _buffer = new byte[capacity];
        }

        /// <summary>The buffer; the document is bytes 0..<see cref="Length"/>.</summary>
        public byte[] Buffer { get { return _buffer; } }

        /// <summary>Bytes written.</summary>
        public int Length { get { return _length; } }

        /// <summary>True when something did not fit (or nesting was wrong): the document is unusable.</summary>
        public bool Overflow { get { return _overflow; } }

        /// <summary>Starts a new document.</summary>
        public void Reset()
        {
            _length = 0;
            _depth = 0;
            _afterName = false;
            _overflow = false;
            _needComma[0] = false;
        }

        /// <summary>Opens an object.</summary>
        public void BeginObject() { BeginValue(); Put((byte)'{'); Push(); }

        /// <summary>Closes the innermost object.</summary>
        public void EndObject() { Pop(); Put((byte)'}'); }

        /// <summary>Opens an array.</summary>
        public void BeginArray() { BeginValue(); Put((byte)'['); Push(); }

        /// <summary>Closes the innermost array.</summary>
        public void EndArray() { Pop(); Put((byte)']'); }

        /// <summary>Writes a member name; the next call writes its value.</summary>
        public void Name(string name)
        {
            BeginValue();
            WriteQuoted(name);
            Put((byte)':');
            _afterName = true;
        }

        /// <summary>Writes a string value (null writes JSON null).</summary>
        public void String(string value)
        {
            BeginValue();
            if (value == null) { PutAscii(CloudWords.Null); return; }
            WriteQuoted(value);
        }

        /// <summary>Writes an integer value.</summary>
        public void Number(long value)
        {
            BeginValue();
            if (value < 0)
            {
                Put((byte)'-');
                if (value == long.MinValue) { PutAscii(CloudWords.LongMinMagnitude); return; }
                value = -value;
            }
            PutDigits((ulong)value, 1);
        }

        /// <summary>Writes a boolean value.</summary>
        public void Bool(bool value) { BeginValue(); PutAscii(value ? CloudWords.True : CloudWords.False); }

        /// <summary>Writes JSON null.</summary>
        public void Null() { BeginValue(); PutAscii(CloudWords.Null); }

        /// <summary>Writes a UTC time as an ISO 8601 string with milliseconds: "2026-11-21T23:05:07.042Z".</summary>
        public void Utc(DateTime utc)
        {
            BeginValue();
            Put((byte)'"');
            PutDigits((ulong)utc.Year, 4); Put((byte)'-');
            PutDigits((ulong)utc.Month, 2); Put((byte)'-');
            PutDigits((ulong)utc.Day, 2); Put((byte)'T');
            PutDigits((ulong)utc.Hour, 2); Put((byte)':');
            PutDigits((ulong)utc.Minute, 2); Put((byte)':');
            PutDigits((ulong)utc.Second, 2); Put((byte)'.');
            PutDigits((ulong)utc.Millisecond, 3);
            Put((byte)'Z'); Put((byte)'"');
        }

        /// <summary>Writes a message id: a prefix, the boot nonce as 8 hex digits, then one or two numbers
        /// ("r0a1b2c3d-42", "b0a1b2c3d-3-17") without building it first. <paramref name="second"/> below 0 leaves the
        /// second number out. The nonce keeps ids unique when the numbers restart after a storage wipe (docs/cloud.md).</summary>
        public void MessageId(string prefix, uint nonce, long first, long second)
        {
            BeginValue();
            Put((byte)'"');
            for (int i = 0; i < prefix.Length; i++) Put((byte)prefix[i]);
            for (int shift = 28; shift >= 0; shift -= 4)
            {
                int d = (int)((nonce >> shift) & 0xF);
                Put((byte)(d < 10 ? '0' + d : 'a' + d - 10));
            }
            Put((byte)'-');
            PutDigits((ulong)(first < 0 ? 0 : first), 1);
            if (second >= 0) { Put((byte)'-'); PutDigits((ulong)second, 1); }
            Put((byte)'"');
        }

        /// <summary>Name and string value.</summary>
        public void Member(string name, string value) { Name(name); String(value); }

        /// <summary>Name and integer value.</summary>
        public void Member(string name, long value) { Name(name); Number(value); }

        /// <summary>Name and boolean value.</summary>
        public void MemberBool(string name, bool value) { Name(name); Bool(value); }

        /// <summary>Name and UTC time value.</summary>
        public void MemberUtc(string name, DateTime utc) { Name(name); Utc(utc); }

        /// <summary>Copies raw, already valid JSON bytes as the next value (used to embed a stored document).</summary>
        public void Raw(byte[] json, int offset, int count)
        {
            BeginValue();
            if (_length + count > _buffer.Length) { _overflow = true; return; }
            Array.Copy(json, offset, _buffer, _length, count);
            _length += count;
        }

        void BeginValue()
        {
            if (_afterName) { _afterName = false; return; }
            if (_needComma[_depth]) Put((byte)',');
            _needComma[_depth] = true;
        }

        void Push()
        {
            if (_depth == MaxDepth) { _overflow = true; return; }
            _depth++;
            _needComma[_depth] = false;
        }

        void Pop()
        {
            if (_depth == 0) { _overflow = true; return; }
            _depth--;
        }

        void Put(byte b)
        {
            if (_length >= _buffer.Length) { _overflow = true; return; }
            _buffer[_length++] = b;
        }

        void PutAscii(string s)
        {
            for (int i = 0; i < s.Length; i++) Put((byte)s[i]);
        }

        void PutDigits(ulong value, int minDigits)
        {
            // Up to 20 digits; written from the right into the buffer to avoid a temporary.
            int digits = 1;
            ulong probe = value;
            while (probe >= 10) { probe /= 10; digits++; }
            if (digits < minDigits) digits = minDigits;
            if (_length + digits > _buffer.Length) { _overflow = true; return; }
            for (int i = digits - 1; i >= 0; i--)
            {
                _buffer[_length + i] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }
            _length += digits;
        }

        void WriteQuoted(string s)
        {
            Put((byte)'"');
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c == '"' || c == '\\') { Put((byte)'\\'); Put((byte)c); }
                else if (c < 0x20) { PutAscii(CloudWords.ControlEscape); Put(Hex(c >> 4)); Put(Hex(c & 0xF)); }
                else if (c < 0x80) Put((byte)c);
                else if (c < 0x800) { Put((byte)(0xC0 | (c >> 6))); Put((byte)(0x80 | (c & 0x3F))); }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.Length && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF)
                {
                    int cp = 0x10000 + ((c - 0xD800) << 10) + (s[i + 1] - 0xDC00);
                    i++;
                    Put((byte)(0xF0 | (cp >> 18)));
                    Put((byte)(0x80 | ((cp >> 12) & 0x3F)));
                    Put((byte)(0x80 | ((cp >> 6) & 0x3F)));
                    Put((byte)(0x80 | (cp & 0x3F)));
                }
                else if (c >= 0xD800 && c <= 0xDFFF) PutAscii(CloudWords.Replacement); // lone surrogate: not encodable as UTF-8
                else { Put((byte)(0xE0 | (c >> 12))); Put((byte)(0x80 | ((c >> 6) & 0x3F))); Put((byte)(0x80 | (c & 0x3F))); }
            }
            Put((byte)'"');
        }

        static byte Hex(int v) { return (byte)(v < 10 ? '0' + v : 'a' + v - 10); }
    }
}
