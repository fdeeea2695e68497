namespace Station.Hal.Sim
{
    /// <summary>Faults a simulated BMS can be told to show (the release gate refuses each with its own fault).</summary>
    public sealed class SimBmsFaults
    {
        /// <summary>The BMS says nothing at all.</summary>
        public bool Silent;
        /// <summary>Every answer is delayed by this long (slow BMS; beyond the station's timeouts it times out).</summary>
        public int AnswerDelayMs;
        /// <summary>BRM reports a serial number off by one (another pack's identity).</summary>
        public bool WrongSerial;
        /// <summary>Transport transfers are aborted by the BMS after the station's CTS.</summary>
        public bool AbortTransfers;
        /// <summary>Transport data packets are sent out of order (2 before 1).</summary>
        public bool OutOfOrderTransfers;
        /// <summary>RTS announcements carry a packet count that disagrees with the size.</summary>
        public bool CorruptLengths;
        /// <summary>The BMS sends BEM (CRO timeout) instead of BRO.</summary>
        public bool SendBem;

        /// <summary>Copies every field from <paramref name="other"/>.</summary>
        public void CopyFrom(SimBmsFaults other)
        {
            Silent = other.Silent;
            AnswerDelayMs = other.AnswerDelayMs;
            WrongSerial = other.WrongSerial;
            AbortTransfers = other.AbortTransfers;
            OutOfOrderTransfers = other.OutOfOrderTransfers;
            CorruptLengths = other.CorruptLengths;
            SendBem = other.SendBem;
        }
    }
}
