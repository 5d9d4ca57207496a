package io.zapi.communities.test

import io.zapi.communities.Client
import io.zapi.communities.core.CommunitySpec
import io.zapi.communities.core.GroupSpec
import io.zapi.communities.core.PlanChange
import io.zapi.communities.core.StepStatus
import io.zapi.communities.core.ZapiException
import io.zapi.communities.parseCommunitySpec
import java.io.File
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertIs
import kotlin.test.assertTrue
import kotlinx.coroutines.runBlocking
import org.junit.jupiter.api.Test

/** `plan` / `apply` over tests/vectors/plans.json, the cases every language runs. */
class PlanTest {
    private val vectors = Json.read(File(repoRoot, "tests/vectors/plans.json")).obj()

    @Test
    fun `every scenario plans, dry-runs, applies and re-plans empty`() = runBlocking {
        for (scenario in vectors["scenarios"].arr().map { it.obj() }) {
            val client = Client.simulated(null)
            for ((i, step) in scenario["steps"].arr().map { it.obj() }.withIndex()) {
                val label = "${scenario["name"]} / step $i"
                val spec = parseCommunitySpec(Json.compact(step["spec"]))
                val plan = client.plan(spec)
                assertEquals(step["plan"].arr(), plan.steps.map { it.summary }, label)
                assertEquals(step["notes"].arr(), plan.notes, label)
                assertTrue(plan.steps.all { it.reason.isNotEmpty() }, label)

                val dry = client.apply(plan, dryRun = true)
                assertEquals(0u, dry.requests, label)
                assertTrue(dry.complete && dry.steps.all { it.status == StepStatus.DRY_RUN }, label)
                assertEquals(plan, client.plan(spec), "$label: a dry run changes nothing")

                val applied = client.apply(plan)
                assertTrue(applied.complete, "$label: $applied")
                assertEquals(plan.steps.size.toUInt(), applied.requests, label)
                assertEquals(emptyList(), client.plan(spec).steps.map { it.summary }, "$label: re-plan")
            }
        }
    }

    @Test
    fun `invalid specs are refused by field`() = runBlocking {
        for (case in vectors["invalid"].arr().map { it.obj() }) {
            val client = Client.simulated(null)
            val refused = assertFailsWith<ZapiException.Validation>(case["name"] as String) {
                client.plan(parseCommunitySpec(Json.compact(case["spec"])))
            }
            assertEquals(case["field"], refused.field, case["name"] as String)
            assertEquals(emptyList(), client.listCommunities(1u, 10u), "nothing was created")
        }
    }

    @Test
    fun `a spec built in Kotlin plans typed changes`() = runBlocking {
        val spec = CommunitySpec(
            name = "Rua",
            groups = listOf(GroupSpec(name = "A", members = listOf("5511911110001"), admins = listOf("5511911110001"))),
        )
        val plan = Client.simulated(null).plan(spec)
        val first = assertIs<PlanChange.CreateCommunity>(plan.steps.first().change)
        assertEquals("Rua", first.name)
        assertIs<PlanChange.AddAdmins>(plan.steps.last().change)
        assertEquals(null, plan.communityId)
    }
}
