namespace Station.Core.Can
{
    /// <summary>One message of a pack protocol: its PDU format byte, lengths, direction and signal rows.</summary>
    public sealed class PackMessage
    {
        /// <summary>Short name as the standard prints it ("BCS").</summary>
        public readonly string Name;
        /// <summary>PDU format byte; the PGN is Pf &lt;&lt; 8 (PDU1, PS = destination).</summary>
        public readonly int Pf;
        /// <summary>Default priority when the station sends it.</summary>
        public readonly int Priority;
        /// <summary>Shortest acceptable length: a shorter frame or transported message is rejected.</summary>
        public readonly int MinLength;
        /// <summary>Full length; bytes past it are ignored.</summary>
        public readonly int Length;
        /// <summary>True when the BMS sends it to the station, false for station → BMS.</summary>
        public readonly bool FromBms;
        /// <summary>The signal rows, in print order.</summary>
        public readonly PackSignal[] Signals;

        /// <summary>Creates a message row.</summary>
        public PackMessage(string name, int pf, int priority, int minLength, int length, bool fromBms, PackSignal[] signals)
        {
            Name = name;
            Pf = pf;
            Priority = priority;
            MinLength = minLength;
            Length = length;
            FromBms = fromBms;
            Signals = signals;
        }

        /// <summary>PGN of the message.</summary>
        public int Pgn { get { return Pf << 8; } }

        /// <summary>Index of the signal with JSON key <paramref name="key"/> (or enumeration code key), -1 when none.</summary>
        public int IndexOf(string key)
        {
            for (int i = 0; i < Signals.Length; i++)
                if (Signals[i].Key == key || Signals[i].CodeKey == key) return i;
            return -1;
        }
    }
}
