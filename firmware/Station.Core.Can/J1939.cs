using Station.Hal;

namespace Station.Core.Can
{
    /// <summary>SAE J1939 29-bit identifier fields (GB/T 27930 §1): priority&lt;&lt;26 | R&lt;&lt;25 | DP&lt;&lt;24 | PF&lt;&lt;16 | PS&lt;&lt;8 | SA.</summary>
    public static class J1939
    {
        /// <summary>PF of the transport protocol connection-management frame (TP.CM, PGN 0xEC00).</summary>
        public const int PfTpCm = 0xEC;
        /// <summary>PF of the transport protocol data frame (TP.DT, PGN 0xEB00).</summary>
        public const int PfTpDt = 0xEB;
        /// <summary>Global (broadcast) destination address, used by BAM.</summary>
        public const int GlobalAddress = 0xFF;
        /// <summary>Largest message the transport protocol can carry: 255 packets of 7 bytes.</summary>
        public const int MaxMessageSize = 1785;

        /// <summary>Priority (0..7), bits 26..28.</summary>
        public static int Priority(uint id) { return (int)((id >> 26) & 7); }

        /// <summary>PDU format byte, bits 16..23.</summary>
        public static int Pf(uint id) { return (int)((id >> 16) & 0xFF); }

        /// <summary>PDU specific byte, bits 8..15: the destination address when PF &lt; 0xF0.</summary>
        public static int Ps(uint id) { return (int)((id >> 8) & 0xFF); }

        /// <summary>Source address, bits 0..7.</summary>
        public static int Source(uint id) { return (int)(id & 0xFF); }

        /// <summary>Data page bit (bit 24) and reserved bit (bit 25), as two low bits.</summary>
        public static int PageBits(uint id) { return (int)((id >> 24) & 3); }

        /// <summary>Builds a PDU1 identifier (R = DP = 0) from priority, PF, destination and source.</summary>
        public static uint Id(int priority, int pf, int destination, int source)
        {
            return ((uint)(priority & 7) << 26) | ((uint)(pf & 0xFF) << 16) | ((uint)(destination & 0xFF) << 8) | (uint)(source & 0xFF);
        }

        /// <summary>Fills <paramref name="frame"/> as an extended 8-byte frame with the given id and payload.</summary>
        public static void Make(ref CanFrame frame, uint id, int length, ulong data)
        {
            frame.Id = id;
            frame.Extended = true;
            frame.Length = (byte)length;
            frame.Data = data;
        }
    }
}
