namespace Station.Core.Can
{
    /// <summary>A pack protocol as data: addresses and the table of messages. GB/T 27930-2015 is
    /// <see cref="GbT27930Profile"/>; a station maker adds another protocol by building another table.</summary>
    public sealed class PackProfile
    {
        /// <summary>Profile name ("GB/T 27930-2015").</summary>
        public readonly string Name;
        /// <summary>The station's (charger's) source address.</summary>
        public readonly int StationAddress;
        /// <summary>The BMS address of a pack in the bay.</summary>
        public readonly int DefaultBmsAddress;
        /// <summary>The messages.</summary>
        public readonly PackMessage[] Messages;
        // Indexed by PF (0..255); the decoder reads it directly, per frame.
        internal readonly PackMessage[] ByPfTable = new PackMessage[256];
        private readonly int _maxSignals;

        /// <summary>Builds the profile and its PF lookup. Two messages with one PF are a table error.</summary>
        public PackProfile(string name, int stationAddress, int defaultBmsAddress, PackMessage[] messages)
        {
            Name = name;
            StationAddress = stationAddress;
            DefaultBmsAddress = defaultBmsAddress;
            Messages = messages;
            for (int i = 0; i < messages.Length; i++)
            {
                PackMessage m = messages[i];
                if (m.Pf < 0 || m.Pf >= 0xF0 || ByPfTable[m.Pf] != null)
                    throw new System.ArgumentException("PF must be a PDU1 format unique in the profile: " + m.Name);
                for (int s = 0; s < m.Signals.Length; s++)
                {
                    PackSignal sig = m.Signals[s];
                    if (sig.Byte < 1 || sig.Bit < 1 || sig.Bit > 8 || sig.Byte - 1 + sig.ByteSpan > m.Length)
                        throw new System.ArgumentException("signal outside its message: " + m.Name + "." + sig.Key);
                    // Enumerations too: the decoder reads every number's first byte (a 0-bit field would have none).
                    if ((sig.Kind == SignalKind.Number || sig.Kind == SignalKind.Enumeration) && (sig.Width < 1 || sig.Width > 32))
                        throw new System.ArgumentException("number width must be 1..32 bits: " + m.Name + "." + sig.Key);
                }
                ByPfTable[m.Pf] = m;
                if (m.Signals.Length > _maxSignals) _maxSignals = m.Signals.Length;
            }
        }

        /// <summary>Most signals in one message (sizes the decoder's storage).</summary>
        public int MaxSignals { get { return _maxSignals; } }

        /// <summary>Longest message (sizes the decoder's buffers).</summary>
        public int MaxLength
        {
            get
            {
                int max = 8;
                for (int i = 0; i < Messages.Length; i++) if (Messages[i].Length > max) max = Messages[i].Length;
                return max;
            }
        }

        /// <summary>The message with this PF, or null.</summary>
        public PackMessage ByPf(int pf)
        {
            return pf >= 0 && pf < 256 ? ByPfTable[pf] : null;
        }

        /// <summary>The message with this name, or null.</summary>
        public PackMessage ByName(string name)
        {
            for (int i = 0; i < Messages.Length; i++) if (Messages[i].Name == name) return Messages[i];
            return null;
        }
    }
}
