extension Converter {
  /// Converts a string and tells where each part of the output came from.
  ///
  /// The text is the same as ``convert(_:)`` gives. The map relates UTF-8
  /// offsets and Unicode scalar offsets of input and output in both
  /// directions (see ``OffsetMap``): a character replaced by one character
  /// maps exactly, a phrase whose value has as many characters as its key
  /// maps character by character, anything else as a whole.
  ///
  /// ```swift
  /// let (text, map) = try Converter(.s2twp).convertWithOffsets("用鼠标点")
  /// // text == "用滑鼠點"; 鼠标 → 滑鼠 has as many characters, so
  /// map.outputOffset(forInput: 9)  // 9: 点 → 點
  /// ```
  ///
  /// With the `.icu` engine, whose transliterator does not say what became
  /// of what, each line whose length changed is one span.
  ///
  /// Complexity: O(n), on the converter's slower, step-by-step path.
  public func convertWithOffsets(_ text: String) -> (text: String, offsets: OffsetMap) {
    var text = text
    return text.withUTF8 { convertWithOffsets(validUTF8: $0) }
  }

  /// Converts UTF-8 bytes and tells where each part of the output came from.
  ///
  /// - Throws: `FanjianError.invalidUTF8` with the offset of the first bad byte.
  public func convertWithOffsets(utf8 bytes: [UInt8]) throws(FanjianError) -> (utf8: [UInt8], offsets: OffsetMap) {
    let result = bytes.withUnsafeBufferPointer { buffer in
      Result { () throws(FanjianError) in
        if let offset = UTF8Scanner.firstInvalidOffset(in: UnsafeRawBufferPointer(buffer)) {
          throw .invalidUTF8(byteOffset: offset)
        }
        let (text, offsets) = convertWithOffsets(validUTF8: buffer)
        return (Array(text.utf8), offsets)
      }
    }
    return try result.get()
  }

  private func convertWithOffsets(validUTF8 input: UnsafeBufferPointer<UInt8>) -> (text: String, offsets: OffsetMap) {
    var builder = OffsetMap.Builder()
    var output: [UInt8] = []
    if transliterator != nil {
      // ICU converts whole lines; map each as a whole.
      var start = 0
      while start < input.count {
        var end = start
        while end < input.count && input[end] != 0x0A { end += 1 }
        if end < input.count { end += 1 }
        let line = Array(input[start..<end])
        let converted = Array(convert(String(decoding: line, as: UTF8.self)).utf8)
        if converted == line {
          builder.copy(bytes: line.count, scalars: NormalizationBuilder.scalarCount(line))
        } else {
          builder.replace(
            inputBytes: line.count, inputScalars: NormalizationBuilder.scalarCount(line),
            outputBytes: converted.count, outputScalars: NormalizationBuilder.scalarCount(converted))
        }
        output += converted
        start = end
      }
      return (String(decoding: output, as: UTF8.self), builder.map)
    }
    let aligned = AlignedConversion(matcher, input)
    for piece in aligned.pieces {
      let inputBytes = input[piece.input]
      let outputBytes = aligned.output[piece.output]
      let inputScalars = NormalizationBuilder.scalarCount(inputBytes)
      if inputBytes.elementsEqual(outputBytes) {
        builder.copy(bytes: inputBytes.count, scalars: inputScalars)
      } else {
        builder.replace(
          inputBytes: inputBytes.count, inputScalars: inputScalars, outputBytes: outputBytes.count,
          outputScalars: NormalizationBuilder.scalarCount(outputBytes))
      }
    }
    return (String(decoding: aligned.output, as: UTF8.self), builder.map)
  }
}
