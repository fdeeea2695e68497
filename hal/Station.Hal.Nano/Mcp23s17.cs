using System;
using System.Device.Spi;

namespace Station.Hal.Nano
{
    /// <summary>One MCP23S17 16-bit I/O expander on SPI (Microchip DS20001952): port A = bits 0..7, port B = 8..15.</summary>
    /// <remarks>
    /// The control loop calls <see cref="Refresh"/> before the core's tick (one SPI read of both ports) and
    /// <see cref="Flush"/> after it (one SPI write of both output latches), so a tick costs two short transfers
    /// however many lock or conveyor signals the expander carries, and nothing allocates. Several expanders share a
    /// chip select and are told apart by their A2..A0 pins (IOCON.HAEN). Outputs start off: the latches are
    /// cleared before any pin is made an output.
    /// </remarks>
    public sealed class Mcp23s17 : IInputBank
    {
        private const byte IoDirA = 0x00;   // IODIRA, IODIRB follows (BANK = 0, sequential addressing)
        private const byte IoCon = 0x0A;
        private const byte GpPuA = 0x0C;    // GPPUA, GPPUB follows
        private const byte GpioA = 0x12;    // GPIOA, GPIOB follows
        private const byte OLatA = 0x14;    // OLATA, OLATB follows
        private const byte HaEn = 0x08;     // IOCON: hardware address enable

        private readonly SpiDevice _spi;
        private readonly byte _opcode;
        private readonly byte[] _tx = new byte[4];
        private readonly byte[] _rx = new byte[4];
        private int _outputMask;   // 1 = output
        private int _pullUpMask;
        private int _activeLowMask;
        private int _latch;
        private int _latchWritten = -1;
        private int _inputs;

        /// <summary>Opens the expander with hardware address <paramref name="address"/> (0..7) on a shared SPI device.</summary>
        public Mcp23s17(SpiDevice spi, int address)
        {
            if (address < 0 || address > 7) throw new ArgumentOutOfRangeException("address");
            _spi = spi;
            _opcode = (byte)(0x40 | (address << 1));
        }

        /// <summary>Creates the SPI device the expanders share (mode 0, 1 MHz; the chip allows 10 MHz).</summary>
        public static SpiDevice OpenBus(int busId, int chipSelectPin)
        {
            var settings = new SpiConnectionSettings(busId, chipSelectPin);
            settings.Mode = SpiMode.Mode0;
            settings.ClockFrequency = 1000000;
            settings.DataBitLength = 8;
            return SpiDevice.Create(settings);
        }

        /// <summary>Claims bit <paramref name="bit"/> as an input, with the 100 kΩ pull-up when asked.</summary>
        public ExpanderInput OpenInput(int bit, bool activeLow)
        {
            CheckBit(bit);
            _outputMask &= ~(1 << bit);
            if (activeLow)
            {
                _pullUpMask |= 1 << bit;
                _activeLowMask |= 1 << bit;
            }
            return new ExpanderInput(this, bit, activeLow);
        }

        /// <summary>Claims bit <paramref name="bit"/> as an output (off until written).</summary>
        public ExpanderOutput OpenOutput(int bit)
        {
            CheckBit(bit);
            _outputMask |= 1 << bit;
            return new ExpanderOutput(this, bit);
        }

        /// <summary>Writes the configuration after every pin is claimed: address enable, latches off, pull-ups, directions.</summary>
        public void Configure()
        {
            WriteRegister(IoCon, HaEn);
            _latch = 0;
            WritePair(OLatA, 0);
            WritePair(GpPuA, _pullUpMask);
            WritePair(IoDirA, ~_outputMask & 0xFFFF); // IODIR: 1 = input
            _latchWritten = 0;
        }

        /// <summary>Reads both ports once; inputs report this snapshot until the next refresh.</summary>
        public void Refresh()
        {
            _tx[0] = (byte)(_opcode | 1);
            _tx[1] = GpioA;
            _tx[2] = 0;
            _tx[3] = 0;
            _spi.TransferFullDuplex(new SpanByte(_tx), new SpanByte(_rx));
            _inputs = _rx[2] | (_rx[3] << 8);
        }

        /// <summary>Writes the output latches when an output changed since the last flush.</summary>
        public void Flush()
        {
            if (_latch == _latchWritten) return;
            WritePair(OLatA, _latch);
            _latchWritten = _latch;
        }

        /// <summary>Turns every output off now (fault path: does not wait for the end of the tick).</summary>
        public void AllOff()
        {
            _latch = 0;
            WritePair(OLatA, 0);
            _latchWritten = 0;
        }

        /// <summary>Every input as of the last <see cref="Refresh"/>, bit n = input on bit n active (the core reads
        /// the expander's inputs with this one call instead of one call per input).</summary>
        public int ReadLevels()
        {
            return (_inputs ^ _activeLowMask) & ~_outputMask & 0xFFFF;
        }

        internal bool InputLevel(int bit)
        {
            return (_inputs & (1 << bit)) != 0;
        }

        internal void SetLatch(int bit, bool high)
        {
            if (high) _latch |= 1 << bit;
            else _latch &= ~(1 << bit);
        }

        private void WriteRegister(byte register, byte value)
        {
            _tx[0] = _opcode;
            _tx[1] = register;
            _tx[2] = value;
            _spi.Write(new SpanByte(_tx, 0, 3));
        }

        private void WritePair(byte registerA, int value16)
        {
            _tx[0] = _opcode;
            _tx[1] = registerA;
            _tx[2] = (byte)(value16 & 0xFF);
            _tx[3] = (byte)((value16 >> 8) & 0xFF);
            _spi.Write(new SpanByte(_tx, 0, 4));
        }

        private static void CheckBit(int bit)
        {
            if (bit < 0 || bit > 15) throw new ArgumentOutOfRangeException("bit");
        }
    }
}
