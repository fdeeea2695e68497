using System;
using Station.Core.Config;

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

        readonly string _commandTopic;
        readonly ReplayWindow _replay = new ReplayWindow();
        readonly FlatJsonObject _json = new FlatJsonObject(MaxMembers, MaxCommandBytes);
        readonly int[] _fieldBit = new int[MaxMembers];

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
            string syntax = _json.Scan(payload, offset, count);
            if (syntax != null) return Fail(into, CloudReason.Malformed, syntax);

            for (int i = 0; i < _json.Count; i++)
            {
                _fieldBit[i] = FieldOf(i);
                for (int j = 0; j < i; j++)
                    if (_json.SameName(i, j)) return Fail(into, CloudReason.Malformed, "member given twice: " + _json.NameText(i));
            }

            // Version first: a newer schema may use members this firmware does not know.
            int v = Find(CommandField.V);
            if (v < 0) return Fail(into, CloudReason.MissingField, "v");
            if (_json.Kind(v) != FlatJsonObject.Integer) return Fail(into, CloudReason.WrongType, "v");
            if (_json.TooBig(v) || _json.Number(v) < OldestCommandVersion || _json.Number(v) > SchemaVersion) return Fail(into, CloudReason.UnsupportedVersion, "v");

            int m = Find(CommandField.Mid);
            if (m < 0) return Fail(into, CloudReason.MissingField, "mid");
            if (_json.Kind(m) != FlatJsonObject.String) return Fail(into, CloudReason.WrongType, "mid");
            string mid = _json.Text(m);
            if (mid == null) return Fail(into, CloudReason.Malformed, "mid is not valid UTF-8");
            if (!Printable(mid, 1, 64)) return Fail(into, CloudReason.OutOfRange, "mid: 1..64 printable ASCII");
            into.Mid = mid;

            int c = Find(CommandField.Cmd);
            if (c < 0) return Fail(into, CloudReason.MissingField, "cmd");
            if (_json.Kind(c) != FlatJsonObject.String) return Fail(into, CloudReason.WrongType, "cmd");
            string name = _json.Text(c);
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
            for (int i = 0; i < _json.Count; i++)
                if ((_fieldBit[i] & allowed) == 0) return Fail(into, CloudReason.UnknownField, _json.NameText(i));

            for (int i = 0; i < _json.Count; i++)
            {
                int bit = _fieldBit[i];
                bool ok;
                if (bit == CommandField.V || bit == CommandField.Code || bit == CommandField.Size) ok = _json.Kind(i) == FlatJsonObject.Integer;
                else if (bit == CommandField.Value) ok = _json.Kind(i) == FlatJsonObject.String || _json.Kind(i) == FlatJsonObject.Integer || _json.Kind(i) == FlatJsonObject.Bool;
                else if (bit == CommandField.Positions) ok = _json.Kind(i) == FlatJsonObject.Nested && _json.FirstByte(i) == (byte)'[';
                else ok = _json.Kind(i) == FlatJsonObject.String;
                if (!ok) return Fail(into, CloudReason.WrongType, _json.NameText(i));
            }

            int required = command.Required;
            for (int bitIndex = 0; bitIndex < CommandField.Names.Length; bitIndex++)
            {
                int bit = 1 << bitIndex;
                if ((required & bit) != 0 && Find(bit) < 0) return Fail(into, CloudReason.MissingField, CommandField.Names[bitIndex]);
            }

            for (int i = 0; i < _json.Count; i++)
            {
                int bit = _fieldBit[i];
                if (bit == CommandField.V || bit == CommandField.Mid || bit == CommandField.Cmd) continue;
                string text = null;
                if (_json.Kind(i) == FlatJsonObject.String)
                {
                    text = _json.Text(i);
                    if (text == null) return Fail(into, CloudReason.Malformed, _json.NameText(i) + " is not valid UTF-8");
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
                    string refused = into.Booking.Take(BookingTerms.TermOf(_json.NameText(i)), bit == CommandField.Positions ? _json.ArrayInside(i) : text);
                    if (refused != null) return Fail(into, CloudReason.OutOfRange, refused);
                }
                else if (bit == CommandField.Key)
                {
                    if (!Identifier(text, 48)) return Fail(into, CloudReason.OutOfRange, "key: 1..48 of A-Z a-z 0-9 - _ . :");
                    into.Key = text;
                }
                else if (bit == CommandField.Value)
                {
                    if (_json.Kind(i) == FlatJsonObject.Integer)
                    {
                        if (_json.TooBig(i)) return Fail(into, CloudReason.OutOfRange, "value");
                        into.Value = _json.Number(i).ToString();
                    }
                    else if (_json.Kind(i) == FlatJsonObject.Bool) into.Value = _json.FirstByte(i) == (byte)'t' ? "true" : "false";
                    else
                    {
                        if (!Printable(text, 0, 64)) return Fail(into, CloudReason.OutOfRange, "value: up to 64 printable ASCII");
                        into.Value = text;
                    }
                }
                else if (bit == CommandField.Code)
                {
                    if (_json.TooBig(i) || _json.Number(i) < 1 || _json.Number(i) > 65535) return Fail(into, CloudReason.OutOfRange, "code: 1..65535");
                    into.Code = (int)_json.Number(i);
                }
                else if (bit == CommandField.Version)
                {
                    if (!Identifier(text, 24)) return Fail(into, CloudReason.OutOfRange, "version: 1..24 of A-Z a-z 0-9 - _ . :");
                    into.Version = text;
                }
                else if (bit == CommandField.Size)
                {
                    if (_json.TooBig(i) || _json.Number(i) < 1 || _json.Number(i) > MaxBundleBytes) return Fail(into, CloudReason.OutOfRange, "size: 1..1048576");
                    into.Size = (int)_json.Number(i);
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

        int Find(int bit)
        {
            for (int i = 0; i < _json.Count; i++) if (_fieldBit[i] == bit) return i;
            return -1;
        }

        int FieldOf(int member)
        {
            for (int f = 0; f < CommandField.Names.Length; f++)
                if (_json.NameIs(member, CommandField.Names[f])) return 1 << f;
            return 0;
        }

        // An unknown verb goes into the audit trail and the reply: keep it printable and bounded.
        static string Sanitised(string text)
        {
            return text == null ? "(not UTF-8)" : PrintableText.Of(text, 32);
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
