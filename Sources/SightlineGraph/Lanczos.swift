extension Graph {
    /// The leading eigenvector of a symmetric (undirected) adjacency matrix, self-loops on the
    /// diagonal, by explicitly restarted Lanczos iteration with full reorthogonalisation; positive,
    /// unit length. Nil when `maxProducts` matrix-vector products did not reach the tolerance.
    ///
    /// Lanczos (1950); Golub and Van Loan, "Matrix Computations", §10.1 and §10.3. Each cycle builds
    /// an orthonormal Krylov basis v0, A v0, ... of up to `basis` vectors from the current estimate
    /// (the uniform vector first, as networkx starts), every new vector orthogonalised against all
    /// earlier ones twice (classical Gram-Schmidt, "twice is enough"), takes the Ritz vector of the
    /// largest eigenvalue of the small tridiagonal projection (cyclic Jacobi), and restarts from it.
    /// The Krylov spaces of the uniform vector hold no part of the leading eigenspace but the
    /// uniform vector's projection on it, so when the leading eigenvalue is repeated (identical
    /// components) the result is that projection, normalised: the vector power iteration reaches.
    ///
    /// Stopping: the first product of a cycle gives the exact residual ‖A v0 − θ v0‖ of its start
    /// vector v0 (θ its Rayleigh quotient): once it is at most `tolerance` × max(1, |θ|), v0 is
    /// returned. Its angle to the leading eigenvector is at most that residual over the spectral
    /// gap λ1 − λ2 (Davis and Kahan 1970).
    ///
    /// Products run over fixed blocks of nodes on `threads` cores, and dot products are summed per
    /// block and added in block order, so the result does not depend on the number of threads.
    /// - Complexity: O((m + b n) × products) for a basis of b vectors; the products needed grow with
    ///   √(λ1 / (λ1 − λ2)) where power iteration's grow with λ1 / (λ1 − λ2). Memory O(b n).
    func lanczosLeadingEigenvector(weighted: Bool, tolerance: Double, maxProducts: Int, threads: Int,
                                   basis: Int? = nil) -> [Double]? {
        let n = nodeCount
        guard n > 0 else { return [] }
        let m = max(1, min(basis ?? 10, n))
        let loop = (0..<n).map { hasSelfLoop[$0] ? (weighted ? selfLoopWeight[$0] : 1) : 0.0 }
        let blocks = NodeBlocks(n)
        // Basis vectors 0..<m, and a work vector at m.
        let v = SendablePointer<Double>(allocating: (m + 1) * n, 0)
        defer { v.deallocate() }
        for i in 0..<n { v[i] = 1 / Double(n).squareRoot() }
        var products = 0
        return loop.withUnsafeBufferPointer { loopBuffer in
            let lw = SendablePointer(UnsafeMutablePointer(mutating: loopBuffer.baseAddress!))
            return withCSR(incoming: false) { csr -> [Double]? in
                while products < maxProducts {
                    var alpha: [Double] = [], beta: [Double] = []
                    for j in 0..<m {
                        let vj = SendablePointer(v.p + j * n), w = SendablePointer(v.p + m * n)
                        // w = A vj.
                        blocks.forEach(threads: threads) { r in
                            for i in r {
                                var sum = vj[i] * lw[i]
                                let lo = csr.offsets[i], hi = csr.offsets[i + 1]
                                if weighted {
                                    for k in lo..<hi { sum += vj[Int(csr.targets[k])] * csr.weights[k] }
                                } else {
                                    for k in lo..<hi { sum += vj[Int(csr.targets[k])] }
                                }
                                w[i] = sum
                            }
                        }
                        products += 1
                        // Orthogonalise against v0...vj, twice; the coefficient on vj is α_j.
                        var a = 0.0
                        for _ in 0..<2 {
                            let c = blocks.sums(threads: threads, j + 1) { r, out in
                                for q in 0...j {
                                    let vq = v.p + q * n
                                    out[q] = dot(vq, w.p, r)
                                }
                            }
                            a += c[j]
                            blocks.forEach(threads: threads) { r in
                                for q in 0...j {
                                    let vq = v.p + q * n, cq = c[q]
                                    for i in r { w[i] -= cq * vq[i] }
                                }
                            }
                        }
                        let b = blocks.sum(threads: threads) { r in dot(w.p, w.p, r) }.squareRoot()
                        alpha.append(a)
                        if j == 0 && b <= tolerance * max(1, abs(a)) {
                            // The start vector's residual is small enough: it is the answer.
                            var x = Array(UnsafeBufferPointer(start: v.p, count: n))
                            var total = 0.0
                            for value in x { total += value }
                            if total < 0 { for i in 0..<n { x[i] = -x[i] } }
                            return x
                        }
                        // An invariant subspace (tiny b) ends the basis early.
                        if j == m - 1 || b <= 1e-14 * max(1, abs(a)) { break }
                        beta.append(b)
                        let next = SendablePointer(v.p + (j + 1) * n), scale = 1 / b
                        blocks.forEach(threads: threads) { r in for i in r { next[i] = w[i] * scale } }
                    }
                    // The Ritz vector of the largest eigenvalue of the tridiagonal projection.
                    let s = leadingEigenvectorOfTridiagonal(alpha, beta)
                    let k = alpha.count
                    let w = SendablePointer(v.p + m * n)
                    blocks.forEach(threads: threads) { r in
                        for i in r {
                            var sum = 0.0
                            for q in 0..<k { sum += s[q] * v[q * n + i] }
                            w[i] = sum
                        }
                    }
                    let length = blocks.sum(threads: threads) { r in dot(w.p, w.p, r) }.squareRoot()
                    let scale = length > 0 ? 1 / length : 1
                    blocks.forEach(threads: threads) { r in for i in r { v[i] = w[i] * scale } }
                }
                return nil
            }
        }
    }
}

/// The dot product of two vectors over a range, with four partial sums.
@inline(__always)
private func dot(_ a: UnsafeMutablePointer<Double>, _ b: UnsafeMutablePointer<Double>, _ r: Range<Int>) -> Double {
    var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
    var i = r.lowerBound
    let end = r.upperBound
    while i + 4 <= end {
        s0 += a[i] * b[i]; s1 += a[i + 1] * b[i + 1]; s2 += a[i + 2] * b[i + 2]; s3 += a[i + 3] * b[i + 3]
        i += 4
    }
    while i < end { s0 += a[i] * b[i]; i += 1 }
    return (s0 + s1) + (s2 + s3)
}

/// The eigenvector (unit length) of the largest eigenvalue of the symmetric tridiagonal matrix with
/// diagonal `alpha` and off-diagonal `beta`, by cyclic Jacobi rotations (Golub and Van Loan §8.5).
func leadingEigenvectorOfTridiagonal(_ alpha: [Double], _ beta: [Double]) -> [Double] {
    let k = alpha.count
    var a = [Double](repeating: 0, count: k * k)
    var e = [Double](repeating: 0, count: k * k)
    for i in 0..<k { a[i * k + i] = alpha[i]; e[i * k + i] = 1 }
    for i in 0..<min(beta.count, k - 1) { a[i * k + i + 1] = beta[i]; a[(i + 1) * k + i] = beta[i] }
    for _ in 0..<100 {
        var off = 0.0, norm = 0.0
        for i in 0..<k { for j in 0..<k { norm += a[i * k + j] * a[i * k + j]; if i != j { off += a[i * k + j] * a[i * k + j] } } }
        if off <= 1e-30 * norm || off == 0 { break }
        for p in 0..<k {
            for q in (p + 1)..<k where a[p * k + q] != 0 {
                let apq = a[p * k + q], app = a[p * k + p], aqq = a[q * k + q]
                let theta = (aqq - app) / (2 * apq)
                let t = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
                let c = 1 / (t * t + 1).squareRoot(), s = t * c
                for r in 0..<k {
                    let arp = a[r * k + p], arq = a[r * k + q]
                    a[r * k + p] = c * arp - s * arq
                    a[r * k + q] = s * arp + c * arq
                }
                for r in 0..<k {
                    let apr = a[p * k + r], aqr = a[q * k + r]
                    a[p * k + r] = c * apr - s * aqr
                    a[q * k + r] = s * apr + c * aqr
                }
                for r in 0..<k {
                    let erp = e[r * k + p], erq = e[r * k + q]
                    e[r * k + p] = c * erp - s * erq
                    e[r * k + q] = s * erp + c * erq
                }
            }
        }
    }
    var best = 0
    for i in 1..<max(1, k) where a[i * k + i] > a[best * k + best] { best = i }
    return (0..<k).map { e[$0 * k + best] }
}
