using System;
using System.IO.Ports;

namespace Station.Hal.Nano
{
    /// <summary>The technician console's serial line on a board UART (System.IO.Ports): 115200 baud, 8 data bits,
    /// no parity, 1 stop bit, no handshake. On ESP32 the board wiring routes the UART's pins first
    /// (<c>Esp32Routing.Com2</c>); STM32 UARTs have fixed pins.</summary>
    /// <remarks>Reading never blocks: only what the driver already holds is taken. A failed write (nothing attached,
    /// a driver timeout) drops the bytes, as a UART with no cable would; the control loop must never stop for the
    /// console.</remarks>
    public sealed class SerialConsoleLine : ISerialLine
    {
        /// <summary>Console baud rate.</summary>
        public const int BaudRate = 115200;

        private readonly SerialPort _port;

        /// <summary>Opens <paramref name="portName"/> ("COM2") at 115200 8N1.</summary>
        public SerialConsoleLine(string portName)
        {
            _port = new SerialPort(portName, BaudRate, Parity.None, 8, StopBits.One);
            _port.Handshake = Handshake.None;
            _port.ReadBufferSize = 512;
            _port.ReadTimeout = 0;
            _port.WriteTimeout = 200;
            _port.Open();
        }

        /// <summary>Copies up to <paramref name="count"/> received bytes; 0 when none. Never blocks.</summary>
        public int Read(byte[] buffer, int offset, int count)
        {
            int available = _port.BytesToRead;
            if (available <= 0)
            {
                return 0;
            }

            return _port.Read(buffer, offset, available < count ? available : count);
        }

        /// <summary>Sends bytes; drops them when the driver refuses.</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            try
            {
                _port.Write(buffer, offset, count);
            }
            catch (Exception)
            {
                // A console that cannot be written to must not stop the control loop.
            }
        }
    }
}
