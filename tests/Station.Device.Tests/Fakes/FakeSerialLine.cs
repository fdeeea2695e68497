using System.Text;
using Station.Hal;

namespace Station.Device.Tests.Fakes
{
    /// <summary>A technician's terminal: <see cref="Type"/> queues keys for the console; what the console writes is
    /// kept (up to 16 KB, oldest dropped) for <see cref="TakeOutput"/>.</summary>
    public sealed class FakeSerialLine : ISerialLine
    {
        private readonly byte[] _input = new byte[1024];
        private int _inputStart, _inputCount;
        private readonly byte[] _output = new byte[16384];
        private int _outputCount;

        /// <summary>Bytes the console wrote since start.</summary>
        public int Written;

        /// <summary>Queues <paramref name="text"/> as typed keys (ASCII).</summary>
        public void Type(string text)
        {
            for (int i = 0; i < text.Length && _inputCount < _input.Length; i++)
            {
                _input[(_inputStart + _inputCount) % _input.Length] = (byte)text[i];
                _inputCount++;
            }
        }

        /// <summary>Everything written since the last call, as text.</summary>
        public string TakeOutput()
        {
            string s = Encoding.UTF8.GetString(_output, 0, _outputCount);
            _outputCount = 0;
            return s;
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count)
        {
            int n = 0;
            while (n < count && _inputCount > 0)
            {
                buffer[offset + n++] = _input[_inputStart];
                _inputStart = (_inputStart + 1) % _input.Length;
                _inputCount--;
            }
            return n;
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            Written += count;
            for (int i = 0; i < count; i++)
            {
                if (_outputCount == _output.Length) _outputCount = 0; // a test reads long before this
                _output[_outputCount++] = buffer[offset + i];
            }
        }
    }
}
