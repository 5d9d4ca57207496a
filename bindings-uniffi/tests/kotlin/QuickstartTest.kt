package io.zapi.communities.test

// START quickstart
import io.zapi.communities.Client
import io.zapi.communities.core.ClientOptions
import io.zapi.communities.core.ZapiException

suspend fun quickstart(client: Client = Client.simulated()): String {
    // A real instance: Client(ClientOptions(instanceId = "…", token = "…", clientToken = "…"))
    val community = client.createCommunity("Rua das Flores", "Street news")
    val group = client.resolveAnnouncementGroup(community.id)
    println("announcement group ${group.groupId}, found in the ${group.source}")
    return try {
        val sent = client.announce(community.id, "Street party on Saturday!")
        "queued ${sent.message.messageId} in ${sent.announcementGroup.groupId}"
    } catch (e: ZapiException.Api) {
        "the service answered ${e.status}: ${e.detail}"
    }
}
// END quickstart

class QuickstartTest {
    @org.junit.jupiter.api.Test
    fun `the README quickstart runs`() = kotlinx.coroutines.runBlocking {
        kotlin.test.assertTrue(quickstart().startsWith("queued "))
        val config: ClientOptions = SimServer.config()
        kotlin.test.assertTrue(quickstart(Client(config)).startsWith("queued "))
    }
}
