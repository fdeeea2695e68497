using System;
using System.Device.Gpio;
using System.Device.Spi;
using System.Threading;
using Station.Core.Can;

namespace Station.Hal.Nano
{
    /// <summary>An MCP2515 CAN controller on SPI as the HAL's <see cref="ICanPort"/> (ESP32 boards; Microchip DS20001801).</summary>
    /// <remarks>
    /// Thin on purpose: bit timing, identifier packing and error states are decided by <see cref="Mcp2515"/> in the
    /// portable core (tested on Linux); this class only moves those bytes with the chip's SPI instructions. It talks to
    /// the chip directly on <see cref="SpiDevice"/> with preallocated buffers rather than through Iot.Device.Mcp25xxx,
    /// whose ReadRxBuffer returns a new array for every frame (the house rule: nothing allocated per CAN frame).
    /// Receive: both buffers accept every frame, RXB0 rolls over into RXB1; the INT pin (active low) says whether
    /// anything is pending, so an idle poll costs one pin read. Transmit: the first of the three TX buffers with no
    /// pending request. <see cref="Poll"/> reads TEC, REC and EFLG once per call, counts receive overflows and resets
    /// and re-configures the chip after a persisting bus-off as <see cref="BusOffRecovery"/> says.
    /// </remarks>
    public sealed class Mcp2515CanPort : ICanPort
    {
        private const byte InstrReset = 0xC0;
        private const byte InstrRead = 0x03;
        private const byte InstrWrite = 0x02;
        private const byte InstrBitModify = 0x05;
        private const byte InstrReadRxB0 = 0x90;   // READ RX BUFFER from RXB0SIDH; clears RX0IF when CS rises
        private const byte InstrReadRxB1 = 0x94;
        private const byte InstrLoadTxB0 = 0x40;   // LOAD TX BUFFER at TXB0SIDH (TXB1: 0x42, TXB2: 0x44)
        private const byte InstrRts = 0x80;        // | 1, 2, 4 for TXB0..2
        private const byte InstrReadStatus = 0xA0;
        private const byte RegCanStat = 0x0E;
        private const byte RegCanCtrl = 0x0F;
        private const byte RegTec = 0x1C;
        private const byte RegCnf3 = 0x28;
        private const byte RegCanIntE = 0x2B;
        private const byte RegCanIntF = 0x2C;
        private const byte RegEflg = 0x2D;
        private const byte RegRxB0Ctrl = 0x60;
        private const byte RegRxB1Ctrl = 0x70;

        private readonly SpiDevice _spi;
        private readonly GpioPin _interrupt;
        private readonly int _crystalHz;
        private readonly int _bitRate;
        private readonly byte[] _out = new byte[1 + Mcp2515.BufferImageLength];
        private readonly byte[] _in = new byte[1 + Mcp2515.BufferImageLength];
        private readonly byte[] _image = new byte[Mcp2515.BufferImageLength];
        private readonly BusOffRecovery _recovery = new BusOffRecovery();

        /// <summary>An MCP2515 on <paramref name="spi"/> (mode 0, up to 10 MHz) with its INT pin (null = poll READ STATUS)
        /// and a crystal of <paramref name="crystalHz"/> (8 or 16 MHz modules).</summary>
        public Mcp2515CanPort(SpiDevice spi, GpioPin interrupt, int crystalHz, int bitRate)
        {
            _spi = spi;
            _interrupt = interrupt;
            _crystalHz = crystalHz;
            _bitRate = bitRate;
        }

        /// <summary>Opens the SPI device of an MCP2515 (mode 0, 8 MHz; the chip allows 10 MHz).</summary>
        public static SpiDevice OpenBus(int busId, int chipSelectPin)
        {
            var settings = new SpiConnectionSettings(busId, chipSelectPin);
            settings.Mode = SpiMode.Mode0;
            settings.ClockFrequency = 8000000;
            settings.DataBitLength = 8;
            return SpiDevice.Create(settings);
        }

        /// <summary>Transmit error counter at the last <see cref="Poll"/>.</summary>
        public int Tec { get; private set; }
        /// <summary>Receive error counter at the last <see cref="Poll"/>.</summary>
        public int Rec { get; private set; }
        /// <summary>Fault confinement state at the last <see cref="Poll"/>.</summary>
        public CanErrorState State { get; private set; }
        /// <summary>Frames lost because both receive buffers were full.</summary>
        public int Overflows { get; private set; }
        /// <summary>Controller resets after bus-off.</summary>
        public int Resets { get { return _recovery.Resets; } }

        /// <summary>Resets the chip, sets bit timing, filters (accept all) and interrupts, and enters normal mode.
        /// False when the chip does not answer as an MCP2515 or the crystal cannot make the bit rate.</summary>
        public bool Start()
        {
            byte cnf1, cnf2, cnf3;
            if (!Mcp2515.BitTiming(_crystalHz, _bitRate, out cnf1, out cnf2, out cnf3)) return false;
            _out[0] = InstrReset;
            _spi.Write(new SpanByte(_out, 0, 1));
            Thread.Sleep(2); // oscillator start-up after reset (128 OSC1 cycles, plus margin)
            if ((ReadRegister(RegCanStat) & 0xE0) != 0x80) return false; // must come up in configuration mode
            // CNF3, CNF2, CNF1 are consecutive registers: one sequential write.
            _out[0] = InstrWrite; _out[1] = RegCnf3; _out[2] = cnf3; _out[3] = cnf2; _out[4] = cnf1;
            _spi.Write(new SpanByte(_out, 0, 5));
            WriteRegister(RegRxB0Ctrl, Mcp2515.RxB0CtrlAnyRollover);
            WriteRegister(RegRxB1Ctrl, Mcp2515.RxB1CtrlAny);
            WriteRegister(RegCanIntF, 0);
            WriteRegister(RegCanIntE, Mcp2515.CanInteReceiveAndErrors);
            WriteRegister(RegCanCtrl, Mcp2515.CanCtrlNormal);
            return (ReadRegister(RegCanStat) & 0xE0) == 0x00;
        }

        /// <inheritdoc />
        public bool TryRead(ref CanFrame frame)
        {
            if (_interrupt != null && _interrupt.Read().Equals(PinValue.High)) return false; // INT idle: nothing pending
            byte status = ReadStatus();
            byte instruction;
            if ((status & 0x01) != 0) instruction = InstrReadRxB0;
            else if ((status & 0x02) != 0) instruction = InstrReadRxB1;
            else return false;
            _out[0] = instruction;
            for (int i = 1; i < _out.Length; i++) _out[i] = 0;
            _spi.TransferFullDuplex(new SpanByte(_out, 0, _out.Length), new SpanByte(_in, 0, _in.Length));
            Mcp2515.UnpackRxBuffer(_in, 1, ref frame);
            return true;
        }

        /// <inheritdoc />
        public bool TrySend(ref CanFrame frame)
        {
            if (State == CanErrorState.BusOff) return false;
            byte status = ReadStatus();
            int buffer;
            if ((status & 0x04) == 0) buffer = 0;        // TXB0REQ clear
            else if ((status & 0x10) == 0) buffer = 1;   // TXB1REQ clear
            else if ((status & 0x40) == 0) buffer = 2;   // TXB2REQ clear
            else return false;
            int n = Mcp2515.PackTxBuffer(ref frame, _image);
            _out[0] = (byte)(InstrLoadTxB0 + 2 * buffer);
            for (int i = 0; i < n; i++) _out[1 + i] = _image[i];
            _spi.Write(new SpanByte(_out, 0, 1 + n));
            _out[0] = (byte)(InstrRts | (1 << buffer));
            _spi.Write(new SpanByte(_out, 0, 1));
            return true;
        }

        /// <summary>Reads the error counters and flags; clears overflow and error interrupt flags; resets the chip after a
        /// persisting bus-off. Call once per control tick.</summary>
        public void Poll(long nowMs)
        {
            // TEC and REC are consecutive: one sequential read.
            _out[0] = InstrRead; _out[1] = RegTec; _out[2] = 0; _out[3] = 0;
            _spi.TransferFullDuplex(new SpanByte(_out, 0, 4), new SpanByte(_in, 0, 4));
            Tec = _in[2];
            Rec = _in[3];
            byte eflg = ReadRegister(RegEflg);
            if ((eflg & Mcp2515.EflgOverflows) != 0)
            {
                Overflows++;
                BitModify(RegEflg, Mcp2515.EflgOverflows, 0);
            }
            BitModify(RegCanIntF, Mcp2515.ErrIf, 0);
            State = Mcp2515.ErrorState(eflg, Tec, Rec);
            if (_recovery.ShouldReset(State, nowMs)) Start();
        }

        private byte ReadStatus()
        {
            _out[0] = InstrReadStatus; _out[1] = 0;
            _spi.TransferFullDuplex(new SpanByte(_out, 0, 2), new SpanByte(_in, 0, 2));
            return _in[1];
        }

        private byte ReadRegister(byte address)
        {
            _out[0] = InstrRead; _out[1] = address; _out[2] = 0;
            _spi.TransferFullDuplex(new SpanByte(_out, 0, 3), new SpanByte(_in, 0, 3));
            return _in[2];
        }

        private void WriteRegister(byte address, byte value)
        {
            _out[0] = InstrWrite; _out[1] = address; _out[2] = value;
            _spi.Write(new SpanByte(_out, 0, 3));
        }

        private void BitModify(byte address, byte mask, byte value)
        {
            _out[0] = InstrBitModify; _out[1] = address; _out[2] = mask; _out[3] = value;
            _spi.Write(new SpanByte(_out, 0, 4));
        }
    }
}
