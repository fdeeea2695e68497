namespace Station.Core.Cloud
{
    /// <summary>Scans one flat JSON object in UTF-8 (the shape of a cloud command) into preallocated tables: each
    /// member's name and value position, the value's kind and, for integers, the number. Nested values are skipped
    /// (depth at most 8) and only marked as nested. Nothing is allocated while scanning; strings are built only when a
    /// caller asks for a member's text.</summary>
    public sealed class FlatJsonObject
    {
        /// <summary>Kinds of member values.</summary>
        public const int String = 1, Integer = 2, Bool = 3, Null = 4, Fraction = 5, Nested = 6;

        private readonly int[] _nameStart;
        private readonly int[] _nameLength;
        private readonly int[] _valueStart;
        private readonly int[] _valueLength;
        private readonly int[] _valueKind;
        private readonly long[] _valueNumber;
        private readonly bool[] _numberTooBig;
        private readonly char[] _chars;
        private byte[] _b;
        private int _pos, _end, _count;

        /// <summary>A scanner for objects of at most <paramref name="maxMembers"/> members and <paramref name="maxBytes"/> bytes.</summary>
        public FlatJsonObject(int maxMembers, int maxBytes)
        {
            _nameStart = new int[maxMembers];
            _nameLength = new int[maxMembers];
            _valueStart = new int[maxMembers];
            _valueLength = new int[maxMembers];
            _valueKind = new int[maxMembers];
            _valueNumber = new long[maxMembers];
            _numberTooBig = new bool[maxMembers];
            _chars = new char[maxBytes];
        }

        /// <summary>Scans <paramref name="count"/> bytes of <paramref name="b"/> from <paramref name="offset"/>; null when
        /// they are one flat object, else what is wrong (for the reply).</summary>
        public string Scan(byte[] b, int offset, int count)
        {
            _b = b;
            _pos = offset;
            _end = offset + count;
            _count = 0;
            return ScanObject();
        }

        /// <summary>Members found by the last <see cref="Scan"/>.</summary>
        public int Count { get { return _count; } }

        /// <summary>The kind of a member's value (<see cref="String"/>, <see cref="Integer"/>, ...).</summary>
        public int Kind(int member) { return _valueKind[member]; }

        /// <summary>An integer member's value (meaningless when <see cref="TooBig"/>).</summary>
        public long Number(int member) { return _valueNumber[member]; }

        /// <summary>True when an integer member has more than 18 digits.</summary>
        public bool TooBig(int member) { return _numberTooBig[member]; }

        /// <summary>The first byte of a member's value ('t' or 'f' for a bool, '[' or '{' for a nested value).</summary>
        public byte FirstByte(int member) { return _b[_valueStart[member]]; }

        /// <summary>True when a member's name is <paramref name="name"/> (ASCII).</summary>
        public bool NameIs(int member, string name)
        {
            if (name.Length != _nameLength[member]) return false;
            for (int k = 0; k < name.Length; k++) if (_b[_nameStart[member] + k] != (byte)name[k]) return false;
            return true;
        }

        /// <summary>The text between an array member's brackets, bytes outside printable ASCII as '?'.</summary>
        public string ArrayInside(int member)
        {
            int start = _valueStart[member] + 1, n = _valueLength[member] - 2;
            for (int k = 0; k < n; k++)
            {
                byte x = _b[start + k];
                _chars[k] = x == (byte)'\t' || x == (byte)'\n' || x == (byte)'\r' || (x >= 0x20 && x < 0x7F) ? (char)x : '?';
            }
            return new string(_chars, 0, n);
        }

        /// <summary>True when members <paramref name="a"/> and <paramref name="b"/> have the same name (byte for byte).</summary>
        public bool SameName(int a, int b)
        {
            if (_nameLength[a] != _nameLength[b]) return false;
            for (int k = 0; k < _nameLength[a]; k++)
                if (_b[_nameStart[a] + k] != _b[_nameStart[b] + k]) return false;
            return true;
        }

        /// <summary>A member's name for a reply: at most 32 characters, printable ASCII ('?' for anything else).</summary>
        public string NameText(int member)
        {
            // Names are echoed in replies; keep them short and ASCII.
            int n = _nameLength[member] > 32 ? 32 : _nameLength[member];
            for (int k = 0; k < n; k++)
            {
                byte x = _b[_nameStart[member] + k];
                _chars[k] = x >= 0x20 && x < 0x7F ? (char)x : '?';
            }
            return new string(_chars, 0, n);
        }

        string ScanObject()
        {
            SkipWhitespace();
            if (!Next((byte)'{')) return "not a JSON object";
            SkipWhitespace();
            if (Next((byte)'}')) return AtEnd();
            while (true)
            {
                if (_count == _nameStart.Length) return "more than " + _nameStart.Length.ToString() + " members";
                if (!Next((byte)'"')) return "member name expected";
                _nameStart[_count] = _pos;
                string err = SkipString();
                if (err != null) return err;
                _nameLength[_count] = _pos - 1 - _nameStart[_count];
                SkipWhitespace();
                if (!Next((byte)':')) return "':' expected";
                SkipWhitespace();
                err = ScanValue(_count);
                if (err != null) return err;
                _count++;
                SkipWhitespace();
                if (Next((byte)',')) { SkipWhitespace(); continue; }
                if (Next((byte)'}')) return AtEnd();
                return "',' or '}' expected";
            }
        }

        string AtEnd()
        {
            SkipWhitespace();
            return _pos == _end ? null : "bytes after the object";
        }

        string ScanValue(int member)
        {
            if (_pos >= _end) return "value expected";
            byte first = _b[_pos];
            _valueStart[member] = _pos;
            _numberTooBig[member] = false;
            if (first == (byte)'"')
            {
                _pos++;
                _valueStart[member] = _pos;
                string err = SkipString();
                if (err != null) return err;
                _valueLength[member] = _pos - 1 - _valueStart[member];
                _valueKind[member] = String;
                return null;
            }
            if (first == (byte)'-' || (first >= (byte)'0' && first <= (byte)'9')) return ScanNumber(member);
            if (Literal("true") || Literal("false")) { _valueKind[member] = Bool; return null; }
            if (Literal("null")) { _valueKind[member] = Null; return null; }
            if (first == (byte)'{' || first == (byte)'[')
            {
                _valueKind[member] = Nested;
                string err = SkipNested();
                _valueLength[member] = _pos - _valueStart[member];
                return err;
            }
            return "invalid value";
        }

        string ScanNumber(int member)
        {
            bool negative = Next((byte)'-');
            int digitsStart = _pos;
            long value = 0;
            while (_pos < _end && _b[_pos] >= (byte)'0' && _b[_pos] <= (byte)'9')
            {
                if (_pos - digitsStart >= 18) _numberTooBig[member] = true;
                else value = value * 10 + (_b[_pos] - (byte)'0');
                _pos++;
            }
            int digits = _pos - digitsStart;
            if (digits == 0) return "digit expected";
            if (digits > 1 && _b[digitsStart] == (byte)'0') return "leading zero";
            bool fraction = false;
            if (_pos < _end && _b[_pos] == (byte)'.')
            {
                _pos++;
                int f = _pos;
                while (_pos < _end && _b[_pos] >= (byte)'0' && _b[_pos] <= (byte)'9') _pos++;
                if (_pos == f) return "digit expected after '.'";
                fraction = true;
            }
            if (_pos < _end && (_b[_pos] == (byte)'e' || _b[_pos] == (byte)'E'))
            {
                _pos++;
                if (_pos < _end && (_b[_pos] == (byte)'+' || _b[_pos] == (byte)'-')) _pos++;
                int e = _pos;
                while (_pos < _end && _b[_pos] >= (byte)'0' && _b[_pos] <= (byte)'9') _pos++;
                if (_pos == e) return "digit expected in exponent";
                fraction = true;
            }
            _valueKind[member] = fraction ? Fraction : Integer;
            _valueNumber[member] = negative ? -value : value;
            return null;
        }

        bool Literal(string word)
        {
            if (_end - _pos < word.Length) return false;
            for (int k = 0; k < word.Length; k++) if (_b[_pos + k] != (byte)word[k]) return false;
            _pos += word.Length;
            return true;
        }

        string SkipNested()
        {
            int depth = 0;
            while (_pos < _end)
            {
                byte x = _b[_pos++];
                if (x == (byte)'"') { string err = SkipString(); if (err != null) return err; }
                else if (x == (byte)'{' || x == (byte)'[') { if (++depth > 8) return "nested too deep"; }
                else if (x == (byte)'}' || x == (byte)']') { if (--depth == 0) return null; }
            }
            return "unterminated value";
        }

        // After the opening quote; leaves _pos after the closing quote. Checks escapes and control characters;
        // UTF-8 validity is checked when the value is decoded.
        string SkipString()
        {
            while (_pos < _end)
            {
                byte x = _b[_pos++];
                if (x == (byte)'"') return null;
                if (x < 0x20) return "control character in string";
                if (x == (byte)'\\')
                {
                    if (_pos >= _end) return "unterminated string";
                    byte e = _b[_pos++];
                    if (e == (byte)'u')
                    {
                        if (_end - _pos < 4) return "bad \\u escape";
                        for (int k = 0; k < 4; k++) if (HexValue(_b[_pos + k]) < 0) return "bad \\u escape";
                        _pos += 4;
                    }
                    else if (e != (byte)'"' && e != (byte)'\\' && e != (byte)'/' && e != (byte)'b' && e != (byte)'f'
                             && e != (byte)'n' && e != (byte)'r' && e != (byte)'t') return "bad escape";
                }
            }
            return "unterminated string";
        }

        /// <summary>A string member decoded (escapes and UTF-8); null when its bytes are not valid UTF-8.</summary>
        public string Text(int member)
        {
            int p = _valueStart[member], end = p + _valueLength[member], n = 0;
            while (p < end)
            {
                int x = _b[p++];
                int cp;
                if (x == '\\')
                {
                    int e = _b[p++];
                    if (e == 'u')
                    {
                        cp = (HexValue(_b[p]) << 12) | (HexValue(_b[p + 1]) << 8) | (HexValue(_b[p + 2]) << 4) | HexValue(_b[p + 3]);
                        p += 4;
                        _chars[n++] = (char)cp;
                        continue;
                    }
                    _chars[n++] = e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e == 'b' ? '\b' : e == 'f' ? '\f' : (char)e;
                    continue;
                }
                if (x < 0x80) { _chars[n++] = (char)x; continue; }
                int extra;
                if ((x & 0xE0) == 0xC0) { cp = x & 0x1F; extra = 1; }
                else if ((x & 0xF0) == 0xE0) { cp = x & 0x0F; extra = 2; }
                else if ((x & 0xF8) == 0xF0) { cp = x & 0x07; extra = 3; }
                else return null;
                if (end - p < extra) return null;
                for (int k = 0; k < extra; k++)
                {
                    int y = _b[p++];
                    if ((y & 0xC0) != 0x80) return null;
                    cp = (cp << 6) | (y & 0x3F);
                }
                // Overlong forms, surrogates and values beyond Unicode are invalid UTF-8.
                if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000)
                    || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return null;
                if (cp >= 0x10000)
                {
                    cp -= 0x10000;
                    _chars[n++] = (char)(0xD800 + (cp >> 10));
                    _chars[n++] = (char)(0xDC00 + (cp & 0x3FF));
                }
                else _chars[n++] = (char)cp;
            }
            return new string(_chars, 0, n);
        }

        static int HexValue(byte x)
        {
            if (x >= (byte)'0' && x <= (byte)'9') return x - '0';
            if (x >= (byte)'a' && x <= (byte)'f') return x - 'a' + 10;
            if (x >= (byte)'A' && x <= (byte)'F') return x - 'A' + 10;
            return -1;
        }

        void SkipWhitespace()
        {
            while (_pos < _end && (_b[_pos] == (byte)' ' || _b[_pos] == (byte)'\t' || _b[_pos] == (byte)'\n' || _b[_pos] == (byte)'\r')) _pos++;
        }

        bool Next(byte x)
        {
            if (_pos < _end && _b[_pos] == x) { _pos++; return true; }
            return false;
        }

    }
}
