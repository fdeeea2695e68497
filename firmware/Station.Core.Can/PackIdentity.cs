namespace Station.Core.Can
{
    /// <summary>What a pack's BMS says it is (GB/T 27930 BRM), kept in preallocated fields.</summary>
    public sealed class PackIdentity
    {
        /// <summary>A BRM has been received.</summary>
        public bool Known;
        /// <summary>BRM battery type code (1 lead-acid … 6 ternary, 0xFF other).</summary>
        public int BatteryTypeCode;
        /// <summary>Rated capacity, Ah.</summary>
        public double RatedCapacityAh;
        /// <summary>Rated total voltage, V.</summary>
        public double RatedVoltageV;
        /// <summary>Pack serial number (BRM bytes 13–16), -1 when not supplied.</summary>
        public long SerialNumber = -1;
        /// <summary>Charge cycle count, -1 when not supplied.</summary>
        public long CycleCount = -1;
        /// <summary>Manufacturer ASCII bytes (BRM 9–12); <see cref="ManufacturerLength"/> are valid.</summary>
        public readonly byte[] Manufacturer = new byte[4];
        /// <summary>Valid bytes of <see cref="Manufacturer"/> (0 when not supplied).</summary>
        public int ManufacturerLength;
        /// <summary>VIN ASCII bytes (BRM 25–41); <see cref="VinLength"/> are valid.</summary>
        public readonly byte[] Vin = new byte[17];
        /// <summary>Valid bytes of <see cref="Vin"/> (0 when not supplied).</summary>
        public int VinLength;
        private string _serialText;
        private long _serialTextFor = -2;
        private int _serialTextMakerHash;

        /// <summary>The pack serial as the station's inventory knows it: maker letters followed by the serial
        /// number with at least four digits ("PK" + 1 → "PK0001"); null when the BMS gives no serial number.</summary>
        /// <remarks>Built once per new BRM identity, not per call.</remarks>
        public string SerialText
        {
            get
            {
                if (SerialNumber < 0) return null;
                int hash = ManufacturerLength;
                for (int i = 0; i < ManufacturerLength; i++) hash = hash * 31 + Manufacturer[i];
                if (_serialText != null && _serialTextFor == SerialNumber && _serialTextMakerHash == hash) return _serialText;
                System.Text.StringBuilder sb = new System.Text.StringBuilder(16);
                for (int i = 0; i < ManufacturerLength; i++) sb.Append((char)Manufacturer[i]);
                string digits = SerialNumber.ToString();
                for (int i = digits.Length; i < 4; i++) sb.Append('0');
                sb.Append(digits);
                _serialText = sb.ToString();
                _serialTextFor = SerialNumber;
                _serialTextMakerHash = hash;
                return _serialText;
            }
        }

        /// <summary>True when <paramref name="serial"/> is the serial this pack reports, as <see cref="SerialText"/>
        /// spells it (maker letters, then the number with at least four digits), compared without building a string:
        /// the release gate asks inside the control tick, where nothing may be allocated.</summary>
        public bool SerialMatches(string serial)
        {
            if (serial == null || SerialNumber < 0) return false;
            int digits = 1;
            for (long rest = SerialNumber / 10; rest > 0; rest /= 10) digits++;
            int width = digits < 4 ? 4 : digits;
            if (serial.Length != ManufacturerLength + width) return false;
            for (int i = 0; i < ManufacturerLength; i++) if (serial[i] != (char)Manufacturer[i]) return false;
            long value = SerialNumber;
            for (int i = serial.Length - 1; i >= ManufacturerLength; i--)
            {
                if (serial[i] != (char)('0' + (int)(value % 10))) return false;
                value /= 10;
            }
            return true;
        }

        /// <summary>Forgets everything (a new pack).</summary>
        public void Clear()
        {
            Known = false;
            BatteryTypeCode = 0;
            RatedCapacityAh = 0;
            RatedVoltageV = 0;
            SerialNumber = -1;
            CycleCount = -1;
            ManufacturerLength = 0;
            VinLength = 0;
        }
    }
}
