namespace Station.Core.Can
{
    /// <summary>Preallocated result of decoding one message: its bytes and one raw value and state per signal row.</summary>
    /// <remarks>One instance is reused for every message; a consumer copies what it keeps during the callback.</remarks>
    public sealed class DecodedMessage
    {
        /// <summary>The table row of the message.</summary>
        public PackMessage Message;
        /// <summary>Source address.</summary>
        public int Source;
        /// <summary>Destination address (0xFF for BAM).</summary>
        public int Destination;
        /// <summary>Time of the frame that completed the message.</summary>
        public long TimeMs;
        /// <summary>True when it came through the transport protocol.</summary>
        public bool Transported;
        /// <summary>The message bytes (only the first <see cref="Length"/> are valid).</summary>
        public readonly byte[] Data;
        /// <summary>Valid bytes in <see cref="Data"/>.</summary>
        public int Length;
        /// <summary>Raw field value per signal row (the code for enumerations; 0 for text-like kinds).</summary>
        public readonly long[] Raw;
        /// <summary>Decoding outcome per signal row.</summary>
        public readonly SignalState[] States;
        /// <summary>Signals outside their range in this message.</summary>
        public int RangeErrors;

        /// <summary>Allocates storage for messages up to <paramref name="maxLength"/> bytes and <paramref name="maxSignals"/> rows.</summary>
        public DecodedMessage(int maxLength, int maxSignals)
        {
            Data = new byte[maxLength];
            Raw = new long[maxSignals];
            States = new SignalState[maxSignals];
        }

        /// <summary>True when signal <paramref name="index"/> carries a value (in range or not).</summary>
        public bool Has(int index)
        {
            return index >= 0 && (States[index] == SignalState.Value || States[index] == SignalState.OutOfRange);
        }

        /// <summary>Physical value of a Number/Enumeration signal in units of 10^-Decimals (exact).</summary>
        public long Units(int index)
        {
            PackSignal s = Message.Signals[index];
            return Raw[index] * s.ScaleUnits + s.OffsetUnits;
        }

        /// <summary>Physical value of a Number/Enumeration signal.</summary>
        public double Value(int index)
        {
            PackSignal s = Message.Signals[index];
            return (Raw[index] * s.ScaleUnits + s.OffsetUnits) / s.Divisor; // Units(index), without a call
        }

        /// <summary>Physical value of the signal with key <paramref name="key"/>, or <paramref name="fallback"/> when absent.</summary>
        public double ValueOf(string key, double fallback)
        {
            int i = Message.IndexOf(key);
            return Has(i) ? Value(i) : fallback;
        }
    }
}
