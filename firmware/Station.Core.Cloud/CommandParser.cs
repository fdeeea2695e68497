using System;

namespace Station.Core.Cloud
{
    /// <summary>Strict parser for cloud commands: a flat JSON object (no nesting) in UTF-8 on this station's own
    /// command topic, every member known to the command's row in <see cref="CommandTable"/>, of the right type and
    /// range, not expired, and not seen before. The command is fully parsed and validated before anything reads it,
    /// so a bad command is never half-applied.</summary>
    /// <remarks>
    /// Checks run in a fixed order so each malformed class maps to one reason: topic, size, JSON syntax and UTF-8,
    /// duplicate members, "v", "mid", "cmd", unknown members, member types, missing members, ranges, expiry, replay.
    /// Scanning uses preallocated tables; strings are built only for members that passed the type check.
    /// </remarks>
    public sealed class CommandParser
    {
        /// <summary>Largest command payload accepted, in bytes.</summary>
        public const int MaxCommandBytes = 1024;
        /// <summary>Most members a command object may have.</summary>
        public const int MaxMembers = 16;
        /// <summary>Longest accepted expiry after now, in seconds (a day).</summary>
        public const int MaxExpirySeconds = 24 * 3600;
        /// <summary>Largest bundle an update.offer may announce (the bundle format's own limit, 1 MiB).</summary>
        public const int MaxBundleBytes = 1048576;
        /// <summary>Schema version this firmware speaks: written as "v" in every message and "schema" in the birth.</summary>
        public const int SchemaVersion = 2;
        /// <summary>The oldest command schema the station still accepts: a version 1 command means what it meant (version 2
        /// changed only members of the station's swap record, docs/cloud.md).</summary>
        public const int OldestCommandVersion = 1;

        const int KindString = 1, KindInteger = 2, KindBool = 3, KindNull = 4, KindFraction = 5, KindNested = 6;

        readonly string _commandTopic;
        readonly ReplayWindow _replay = new ReplayWindow();
        readonly int[] _nameStart = new int[MaxMembers];
        readonly int[] _nameLength = new int[MaxMembers];
        readonly int[] _valueStart = new int[MaxMembers];
        readonly int[] _valueLength = new int[MaxMembers];
        readonly int[] _valueKind = new int[MaxMembers];
        readonly int[] _fieldBit = new int[MaxMembers];
        readonly long[] _valueNumber = new long[MaxMembers];
        readonly bool[] _numberTooBig = new bool[MaxMembers];
        readonly char[] _chars = new char[MaxCommandBytes];
        byte[] _b;
        int _pos, _end, _count;

        /// <summary>A parser for the station whose command topic is <paramref name="commandTopic"/>.</summary>
        public CommandParser(string commandTopic)
        {
            _commandTopic = commandTopic;
        }

        /// <summary>The replay window (the dispatcher remembers commands it applied).</summary>
        public ReplayWindow Replay { get { return _replay; } }

        /// <summary>Parses and validates one message into <paramref name="into"/>; returns its reason (Accepted when
        /// every check passed). <paramref name="nowUtc"/> is the station clock; <paramref name="clockSet"/> false means
        /// expiry cannot be judged.</summary>
        public CloudReason Parse(string topic, byte[] payload, int offset, int count, DateTime nowUtc, bool clockSet, CloudCommand into)
        {
            into.Clear();
            if (topic != _commandTopic) return Fail(into, CloudReason.WrongTopic, topic);
            if (payload == null || count > MaxCommandBytes) return Fail(into, CloudReason.Oversized, "limit " + MaxCommandBytes.ToString() + " bytes");
            _b = payload;
            _pos = offset;
            _end = offset + count;
            _count = 0;
            string syntax = ScanObject();
            if (syntax != null) return Fail(into, CloudReason.Malformed, syntax);

            for (int i = 0; i < _count; i++)
            {
                _fieldBit[i] = FieldOf(i);
                for (int j = 0; j < i; j++)
                    if (SameName(i, j)) return Fail(into, CloudReason.Malformed, "member given twice: " + NameText(i));
            }

            // Version first: a newer schema may use members this firmware does not know.
            int v = Find(CommandField.V);
            if (v < 0) return Fail(into, CloudReason.MissingField, "v");
            if (_valueKind[v] != KindInteger) return Fail(into, CloudReason.WrongType, "v");
            if (_numberTooBig[v] || _valueNumber[v] < OldestCommandVersion || _valueNumber[v] > SchemaVersion) return Fail(into, CloudReason.UnsupportedVersion, "v");

            int m = Find(CommandField.Mid);
            if (m < 0) return Fail(into, CloudReason.MissingField, "mid");
            if (_valueKind[m] != KindString) return Fail(into, CloudReason.WrongType, "mid");
            string mid = StringValue(m);
            if (mid == null) return Fail(into, CloudReason.Malformed, "mid is not valid UTF-8");
            if (!Printable(mid, 1, 64)) return Fail(into, CloudReason.OutOfRange, "mid: 1..64 printable ASCII");
            into.Mid = mid;

            int c = Find(CommandField.Cmd);
            if (c < 0) return Fail(into, CloudReason.MissingField, "cmd");
            if (_valueKind[c] != KindString) return Fail(into, CloudReason.WrongType, "cmd");
            string name = StringValue(c);
            int row = name == null ? -1 : CommandTable.Find(name);
            if (row < 0)
            {
                into.TypedName = Sanitised(name);
                return Fail(into, CloudReason.UnknownCommand, into.TypedName);
            }
            CloudCommandRow command = CommandTable.RowAt(row);
            into.Name = name;
            into.Kind = command.Kind;

            int allowed = CommandField.Envelope | command.Allowed;
            for (int i = 0; i < _count; i++)
                if ((_fieldBit[i] & allowed) == 0) return Fail(into, CloudReason.UnknownField, NameText(i));

            for (int i = 0; i < _count; i++)
            {
                int bit = _fieldBit[i];
                bool ok;
                if (bit == CommandField.V || bit == CommandField.Code || bit == CommandField.Size) ok = _valueKind[i] == KindInteger;
                else if (bit == CommandField.Value) ok = _valueKind[i] == KindString || _valueKind[i] == KindInteger || _valueKind[i] == KindBool;
                else if (bit == CommandField.Positions) ok = _valueKind[i] == KindNested && _b[_valueStart[i]] == (byte)'[';
                else ok = _valueKind[i] == KindString;
                if (!ok) return Fail(into, CloudReason.WrongType, NameText(i));
            }

            int required = command.Required;
            for (int bitIndex = 0; bitIndex < CommandField.Names.Length; bitIndex++)
            {
                int bit = 1 << bitIndex;
                if ((required & bit) != 0 && Find(bit) < 0) return Fail(into, CloudReason.MissingField, CommandField.Names[bitIndex]);
            }

            for (int i = 0; i < _count; i++)
            {
                int bit = _fieldBit[i];
                if (bit == CommandField.V || bit == CommandField.Mid || bit == CommandField.Cmd) continue;
                string text = null;
                if (_valueKind[i] == KindString)
                {
                    text = StringValue(i);
                    if (text == null) return Fail(into, CloudReason.Malformed, NameText(i) + " is not valid UTF-8");
                }
                if (bit == CommandField.Exp)
                {
                    if (!UtcText.TryParse(text, out into.Expiry)) return Fail(into, CloudReason.WrongType, "exp: ISO 8601 UTC like 2026-01-31T12:00:00Z");
                    into.HasExpiry = true;
                }
                else if (bit == CommandField.By)
                {
                    if (!Printable(text, 1, 64)) return Fail(into, CloudReason.OutOfRange, "by: 1..64 printable ASCII");
                    into.By = text;
                }
                else if (bit == CommandField.Vehicle)
                {
                    if (!Identifier(text, 32)) return Fail(into, CloudReason.OutOfRange, "vehicle: 1..32 of A-Z a-z 0-9 - _ . :");
                    into.Vehicle = text;
                }
                else if (bit == CommandField.Pack)
                {
                    if (!Identifier(text, 32)) return Fail(into, CloudReason.OutOfRange, "pack: 1..32 of A-Z a-z 0-9 - _ . :");
                    into.Pack = text;
                }
                else if ((bit & CommandField.Booking) != 0)
                {
                    // The booking terms read as the console reads them; "positions" is the array's inside ("1,3").
                    string refused = into.Booking.Take(BookingTerms.TermOf(NameText(i)), bit == CommandField.Positions ? ArrayInside(i) : text);
                    if (refused != null) return Fail(into, CloudReason.OutOfRange, refused);
                }
                else if (bit == CommandField.Key)
                {
                    if (!Identifier(text, 48)) return Fail(into, CloudReason.OutOfRange, "key: 1..48 of A-Z a-z 0-9 - _ . :");
                    into.Key = text;
                }
                else if (bit == CommandField.Value)
                {
                    if (_valueKind[i] == KindInteger)
                    {
                        if (_numberTooBig[i]) return Fail(into, CloudReason.OutOfRange, "value");
                        into.Value = _valueNumber[i].ToString();
                    }
                    else if (_valueKind[i] == KindBool) into.Value = _b[_valueStart[i]] == (byte)'t' ? "true" : "false";
                    else
                    {
                        if (!Printable(text, 0, 64)) return Fail(into, CloudReason.OutOfRange, "value: up to 64 printable ASCII");
                        into.Value = text;
                    }
                }
                else if (bit == CommandField.Code)
                {
                    if (_numberTooBig[i] || _valueNumber[i] < 1 || _valueNumber[i] > 65535) return Fail(into, CloudReason.OutOfRange, "code: 1..65535");
                    into.Code = (int)_valueNumber[i];
                }
                else if (bit == CommandField.Version)
                {
                    if (!Identifier(text, 24)) return Fail(into, CloudReason.OutOfRange, "version: 1..24 of A-Z a-z 0-9 - _ . :");
                    into.Version = text;
                }
                else if (bit == CommandField.Size)
                {
                    if (_numberTooBig[i] || _valueNumber[i] < 1 || _valueNumber[i] > MaxBundleBytes) return Fail(into, CloudReason.OutOfRange, "size: 1..1048576");
                    into.Size = (int)_valueNumber[i];
                }
            }

            // A position's own standards belong to a booked position: anything else is a booking the sender got wrong.
            string unbooked = into.Booking.Unbooked();
            if (unbooked != null) return Fail(into, CloudReason.OutOfRange, unbooked);

            if (into.HasExpiry || command.Motion)
            {
                if (!clockSet) return Fail(into, CloudReason.ClockNotSet, "station clock not set");
                if (into.HasExpiry)
                {
                    if (into.Expiry.Ticks <= nowUtc.Ticks) return Fail(into, CloudReason.Expired, "exp");
                    if (into.Expiry.Ticks > nowUtc.Ticks + (long)MaxExpirySeconds * TimeSpan.TicksPerSecond)
                        return Fail(into, CloudReason.OutOfRange, "exp: at most 24 h ahead");
                }
            }

            if (_replay.Contains(mid)) return Fail(into, CloudReason.Replayed, mid);
            _replay.Add(mid);
            into.Reason = CloudReason.Accepted;
            return CloudReason.Accepted;
        }

        static CloudReason Fail(CloudCommand into, CloudReason reason, string detail)
        {
            into.Reason = reason;
            into.Detail = detail;
            return reason;
        }

        // The text between an array's brackets, bytes outside printable ASCII as '?' (which no booking term reads).
        string ArrayInside(int member)
        {
            int start = _valueStart[member] + 1, n = _valueLength[member] - 2;
            for (int k = 0; k < n; k++)
            {
                byte x = _b[start + k];
                _chars[k] = x == (byte)'\t' || x == (byte)'\n' || x == (byte)'\r' || (x >= 0x20 && x < 0x7F) ? (char)x : '?';
            }
            return new string(_chars, 0, n);
        }

        int Find(int bit)
        {
            for (int i = 0; i < _count; i++) if (_fieldBit[i] == bit) return i;
            return -1;
        }

        int FieldOf(int member)
        {
            for (int f = 0; f < CommandField.Names.Length; f++)
            {
                string n = CommandField.Names[f];
                if (n.Length != _nameLength[member]) continue;
                bool same = true;
                for (int k = 0; k < n.Length && same; k++) same = _b[_nameStart[member] + k] == (byte)n[k];
                if (same) return 1 << f;
            }
            return 0;
        }

        // An unknown verb goes into the audit trail and the reply: keep it printable and bounded.
        static string Sanitised(string text)
        {
            if (text == null) return "(not UTF-8)";
            int n = text.Length < 32 ? text.Length : 32;
            char[] chars = new char[n];
            for (int i = 0; i < n; i++) chars[i] = text[i] >= ' ' && text[i] < (char)127 ? text[i] : '?';
            return new string(chars);
        }

        bool SameName(int a, int b)
        {
            if (_nameLength[a] != _nameLength[b]) return false;
            for (int k = 0; k < _nameLength[a]; k++)
                if (_b[_nameStart[a] + k] != _b[_nameStart[b] + k]) return false;
            return true;
        }

        string NameText(int member)
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

        // ---- JSON scanning: one flat object ----

        string ScanObject()
        {
            SkipWhitespace();
            if (!Next((byte)'{')) return "not a JSON object";
            SkipWhitespace();
            if (Next((byte)'}')) return AtEnd();
            while (true)
            {
                if (_count == MaxMembers) return "more than " + MaxMembers.ToString() + " members";
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
                _valueKind[member] = KindString;
                return null;
            }
            if (first == (byte)'-' || (first >= (byte)'0' && first <= (byte)'9')) return ScanNumber(member);
            if (Literal("true") || Literal("false")) { _valueKind[member] = KindBool; return null; }
            if (Literal("null")) { _valueKind[member] = KindNull; return null; }
            if (first == (byte)'{' || first == (byte)'[')
            {
                _valueKind[member] = KindNested;
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
            _valueKind[member] = fraction ? KindFraction : KindInteger;
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

        // Decodes a string member (escapes and UTF-8); null when the bytes are not valid UTF-8.
        string StringValue(int member)
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

        static bool Printable(string s, int min, int max)
        {
            if (s == null || s.Length < min || s.Length > max) return false;
            for (int i = 0; i < s.Length; i++) if (s[i] < 0x20 || s[i] > 0x7E) return false;
            return true;
        }

        static bool Identifier(string s, int max)
        {
            if (s == null || s.Length < 1 || s.Length > max) return false;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
                if (!ok) return false;
            }
            return true;
        }
    }
}
