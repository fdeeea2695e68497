using Station.Hal;

namespace Station.Core.Can
{
    /// <summary>MCP2515 register-level decisions, portable so they are tested on Linux (Microchip DS20001801): bit timing
    /// registers, identifier packing of the TX/RX buffer images, the error flags. The ESP32 adapter
    /// (hal/Station.Hal.Nano/Mcp2515CanPort.cs) only moves these bytes over SPI with its own SpiDevice commands and
    /// preallocated buffers, not Iot.Device.Mcp25xxx, whose ReadRxBuffer allocates per frame (docs/can.md).</summary>
    public static class Mcp2515
    {
        /// <summary>CANCTRL value requesting configuration mode (REQOP = 100), CLKOUT off.</summary>
        public const byte CanCtrlConfiguration = 0x80;
        /// <summary>CANCTRL value requesting normal mode (REQOP = 000), CLKOUT off.</summary>
        public const byte CanCtrlNormal = 0x00;
        /// <summary>RXB0CTRL: receive any message (RXM = 11) and roll over into RXB1 when RXB0 is full (BUKT).</summary>
        public const byte RxB0CtrlAnyRollover = 0x64;
        /// <summary>RXB1CTRL: receive any message (RXM = 11).</summary>
        public const byte RxB1CtrlAny = 0x60;
        /// <summary>CANINTE: RX0IE | RX1IE | ERRIE (the INT pin goes low for received frames and error changes).</summary>
        public const byte CanInteReceiveAndErrors = 0x23;
        /// <summary>CANINTF RX0IF.</summary>
        public const byte Rx0If = 0x01;
        /// <summary>CANINTF RX1IF.</summary>
        public const byte Rx1If = 0x02;
        /// <summary>CANINTF ERRIF.</summary>
        public const byte ErrIf = 0x20;
        /// <summary>EFLG TXBO: bus-off.</summary>
        public const byte EflgBusOff = 0x20;
        /// <summary>EFLG TXEP: transmit error passive.</summary>
        public const byte EflgTxPassive = 0x10;
        /// <summary>EFLG RXEP: receive error passive.</summary>
        public const byte EflgRxPassive = 0x08;
        /// <summary>EFLG TXWAR | RXWAR | EWARN.</summary>
        public const byte EflgWarnings = 0x07;
        /// <summary>EFLG RX0OVR | RX1OVR: a frame was lost because both receive buffers were full.</summary>
        public const byte EflgOverflows = 0xC0;
        /// <summary>Bytes of one TX/RX buffer image: SIDH, SIDL, EID8, EID0, DLC, D0..D7.</summary>
        public const int BufferImageLength = 13;

        /// <summary>CNF1..CNF3 for 250 kbit/s or any other rate with an <paramref name="oscillatorHz"/> crystal; false when
        /// the crystal cannot make the rate exactly.</summary>
        /// <remarks>
        /// 8 MHz, 250 kbit/s: tq unit = 2/8 MHz = 250 ns; 4 µs bit = 16 tq with BRP = 0 → 1 sync + 5 prop + 8 PS1 + 2 PS2,
        /// sample point 14/16 = 87.5 %: CNF1 0x00, CNF2 0xBC, CNF3 0x01.
        /// 16 MHz, 250 kbit/s: tq unit 125 ns, BRP = 1 makes tq 250 ns and the same 16-tq bit: CNF1 0x01, CNF2 0xBC, CNF3 0x01.
        /// CNF2 sets BTLMODE (PHSEG2 from CNF3) and single sampling; SJW 1.
        /// </remarks>
        public static bool BitTiming(int oscillatorHz, int bitRate, out byte cnf1, out byte cnf2, out byte cnf3)
        {
            cnf1 = cnf2 = cnf3 = 0;
            CanBitTiming t = CanBitTiming.ForMcp2515(oscillatorHz, bitRate);
            if (t == null) return false;
            int phase1 = t.Tseg1 - 1 > 8 ? 8 : t.Tseg1 - 1;
            if (phase1 < 1) phase1 = 1;
            int prop = t.Tseg1 - phase1;
            if (prop < 1 || prop > 8) return false;
            cnf1 = (byte)(((t.Sjw - 1) << 6) | (t.Prescaler - 1));
            cnf2 = (byte)(0x80 | ((phase1 - 1) << 3) | (prop - 1));
            cnf3 = (byte)(t.Tseg2 - 1);
            return true;
        }

        /// <summary>Writes the 13-byte TX buffer image (for LOAD TX BUFFER at TXBnSIDH) of <paramref name="frame"/>;
        /// returns the number of bytes to send (5 + DLC).</summary>
        public static int PackTxBuffer(ref CanFrame frame, byte[] image)
        {
            int length = frame.Length > 8 ? 8 : frame.Length;
            if (frame.Extended)
            {
                uint id = frame.Id & 0x1FFFFFFF;
                image[0] = (byte)(id >> 21);                                          // SID10..SID3
                image[1] = (byte)(((id >> 13) & 0xE0) | 0x08 | ((id >> 16) & 0x03)); // SID2..0, EXIDE, EID17..16
                image[2] = (byte)(id >> 8);                                           // EID15..8
                image[3] = (byte)id;                                                  // EID7..0
            }
            else
            {
                uint id = frame.Id & 0x7FF;
                image[0] = (byte)(id >> 3);
                image[1] = (byte)((id & 0x07) << 5);
                image[2] = 0;
                image[3] = 0;
            }
            image[4] = (byte)length;
            ulong data = frame.Data;
            for (int i = 0; i < length; i++) image[5 + i] = (byte)(data >> (i * 8));
            return 5 + length;
        }

        /// <summary>Reads a 13-byte RX buffer image (READ RX BUFFER at RXBnSIDH) at <paramref name="offset"/> into
        /// <paramref name="frame"/>. A DLC above 8 is clipped to 8 (the controller never stores more).</summary>
        public static void UnpackRxBuffer(byte[] image, int offset, ref CanFrame frame)
        {
            byte sidh = image[offset], sidl = image[offset + 1];
            if ((sidl & 0x08) != 0)
            {
                frame.Extended = true;
                frame.Id = ((uint)sidh << 21) | ((uint)(sidl & 0xE0) << 13) | ((uint)(sidl & 0x03) << 16)
                           | ((uint)image[offset + 2] << 8) | image[offset + 3];
            }
            else
            {
                frame.Extended = false;
                frame.Id = ((uint)sidh << 3) | (uint)(sidl >> 5);
            }
            int length = image[offset + 4] & 0x0F;
            if (length > 8) length = 8;
            frame.Length = (byte)length;
            ulong data = 0;
            for (int i = 0; i < length; i++) data |= (ulong)image[offset + 5 + i] << (i * 8);
            frame.Data = data;
        }

        /// <summary>Fault confinement state from EFLG and the error counters.</summary>
        public static CanErrorState ErrorState(byte eflg, int tec, int rec)
        {
            if ((eflg & EflgBusOff) != 0 || tec > 255) return CanErrorState.BusOff;
            if ((eflg & (EflgTxPassive | EflgRxPassive)) != 0 || tec >= 128 || rec >= 128) return CanErrorState.Passive;
            if ((eflg & EflgWarnings) != 0 || tec >= 96 || rec >= 96) return CanErrorState.Warning;
            return CanErrorState.Active;
        }
    }
}
