namespace Station.Hal
{
    /// <summary>A byte stream to a technician's terminal (UART on the board, a pty or stdin/stdout on a desktop).</summary>
    public interface ISerialLine
    {
        /// <summary>Copies up to <paramref name="count"/> received bytes into <paramref name="buffer"/>; returns how many (0 when none). Never blocks.</summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Sends bytes. May block briefly while the transmit buffer drains.</summary>
        void Write(byte[] buffer, int offset, int count);
    }
}
