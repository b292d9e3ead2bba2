import Fanjian
import Foundation

let t = try Transliterator(id: "Simplified-Traditional")
let r = try t.rules()
print(r.count)
print(String(r.prefix(3000)))
