/// An axis-aligned box in drawing coordinates, for keeping labels apart.
struct MapBox {
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double

    /// The box of a `width` × `height` label centred on (`x`, `y`).
    init(centredOn x: Double, _ y: Double, width: Double, height: Double) {
        self.init(minX: x - width / 2, minY: y - height / 2, maxX: x + width / 2, maxY: y + height / 2)
    }

    init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// Whether the two boxes, each grown by `padding`, overlap.
    func intersects(_ other: MapBox, padding: Double = 0) -> Bool {
        minX - padding < other.maxX + padding && other.minX - padding < maxX + padding
            && minY - padding < other.maxY + padding && other.minY - padding < maxY + padding
    }

    /// Whether the box overlaps the circle of `radius` around (`x`, `y`).
    func intersects(circleAt x: Double, _ y: Double, radius: Double) -> Bool {
        let dx = x - min(max(x, minX), maxX), dy = y - min(max(y, minY), maxY)
        return dx * dx + dy * dy < radius * radius
    }

    /// A generous estimate of how wide `text` is in a sans-serif font of `fontSize` pixels:
    /// wide enough that estimated boxes that do not overlap never overlap on screen.
    static func textWidth(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for character in text {
            if character == " " || character == "." || character == "," || character == "i" || character == "l" {
                ems += 0.32
            } else if character.isUppercase || character == "m" || character == "w" {
                ems += 0.75
            } else {
                ems += 0.6
            }
        }
        return ems * fontSize
    }
}

/// A quadratic Bézier curve from `start` to `end` pulled towards `control`.
struct MapCurve {
    var start: (x: Double, y: Double)
    var control: (x: Double, y: Double)
    var end: (x: Double, y: Double)

    /// The point at parameter `t` in [0, 1].
    func point(at t: Double) -> (x: Double, y: Double) {
        let u = 1 - t
        return (
            u * u * start.x + 2 * u * t * control.x + t * t * end.x,
            u * u * start.y + 2 * u * t * control.y + t * t * end.y
        )
    }

    /// The SVG path data, one decimal per coordinate.
    var path: String {
        func f(_ value: Double) -> String { MapMarkup.fixed(value, 1) }
        return "M\(f(start.x)),\(f(start.y)) Q\(f(control.x)),\(f(control.y)) \(f(end.x)),\(f(end.y))"
    }
}

/// Text placed on the drawing: its anchor point, SVG `text-anchor` and the box it covers.
struct MapLabel {
    var x: Double
    var y: Double
    /// `start`, `middle` or `end`.
    var anchor: String
    var box: MapBox
}
