// Runs the README's Kotlin quick start (Quickstart.kt beside this file, copied from the README by
// tests/steps/40-kotlin.sh) and prints what it returns.
import kotlinx.coroutines.runBlocking

fun main() = runBlocking {
    println(quickstart())
}
