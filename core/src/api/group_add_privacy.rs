//! `POST /privacy/group-add` and `GET /privacy/disallowed-contacts?type=groupAdd`: who may add
//! the connected number to groups, and the blacklist (developer.z-api.io/privacy/set-group-add).

use serde::{Deserialize, Serialize};

use super::{Call, Endpoint, json_body, validate};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::model::{GroupAddPrivacy, Phone};
use crate::wire::lenient::LooseString;
use crate::wire::response;

/// Sets who may add the connected number to groups, and changes the blacklist (only with
/// [`GroupAddPrivacy::ContactBlacklist`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetGroupAddPrivacy {
    /// Who may add the number.
    pub who: GroupAddPrivacy,
    /// Numbers to put on the blacklist.
    pub blacklist_add: Vec<Phone>,
    /// Numbers to take off the blacklist.
    pub blacklist_remove: Vec<Phone>,
}

/// The numbers on the blacklist of [`GroupAddPrivacy::ContactBlacklist`], as the service reads
/// them back (it does not say which setting is in force).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GetGroupAddBlacklist;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Body<'a> {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    contacts_blacklist: Vec<Change<'a>>,
    r#type: &'static str,
}

#[derive(Serialize)]
struct Change<'a> {
    action: &'static str,
    phone: &'a str,
}

impl Call for SetGroupAddPrivacy {
    type Output = ();

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        for (field, list) in [("blacklist_add", &self.blacklist_add), ("blacklist_remove", &self.blacklist_remove)] {
            if list.is_empty() {
                continue;
            }
            if self.who != GroupAddPrivacy::ContactBlacklist {
                return Err(Error::validation(field, "a blacklist is only kept with who = contact_blacklist"));
            }
            validate::phone_list(field, list)?;
        }
        let changes = self
            .blacklist_add
            .iter()
            .map(|p| Change { action: "add", phone: p.as_str() })
            .chain(self.blacklist_remove.iter().map(|p| Change { action: "remove", phone: p.as_str() }))
            .collect();
        let body = json_body(&Body { contacts_blacklist: changes, r#type: self.who.wire() });
        Ok(endpoint.request(Method::Post, "/privacy/group-add", vec![], Some(body)))
    }

    fn parse(&self, response: &HttpResponse) -> Result<(), Error> {
        response::ack(response)
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct WireDisallowed {
    #[serde(default)]
    disallowed_contacts: Option<Vec<LooseString>>,
}

impl Call for GetGroupAddBlacklist {
    type Output = Vec<String>;

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        let query = vec![("type".into(), "groupAdd".to_owned())];
        Ok(endpoint.request(Method::Get, "/privacy/disallowed-contacts", query, None))
    }

    fn parse(&self, response: &HttpResponse) -> Result<Vec<String>, Error> {
        let wire: WireDisallowed = response::json(response)?;
        Ok(wire.disallowed_contacts.unwrap_or_default().into_iter().filter_map(LooseString::non_empty).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn builds_the_documented_bodies() {
        let phone = Phone::parse("5511999999999").unwrap();
        let all = SetGroupAddPrivacy { who: GroupAddPrivacy::All, blacklist_add: vec![], blacklist_remove: vec![] };
        let r = all.build(&endpoint()).unwrap();
        assert_eq!((r.method, &*r.path), (Method::Post, "/privacy/group-add"));
        assert_eq!(body(&r), json!({"type":"ALL"}));
        let black = SetGroupAddPrivacy {
            who: GroupAddPrivacy::ContactBlacklist,
            blacklist_add: vec![phone.clone()],
            blacklist_remove: vec![Phone::parse("5511888888888").unwrap()],
        };
        assert_eq!(
            body(&black.build(&endpoint()).unwrap()),
            json!({"type":"CONTACT_BLACKLIST","contactsBlacklist":[{"action":"add","phone":"5511999999999"},{"action":"remove","phone":"5511888888888"}]})
        );
        let wrong =
            SetGroupAddPrivacy { who: GroupAddPrivacy::Contacts, blacklist_add: vec![phone], blacklist_remove: vec![] };
        assert_eq!(wrong.build(&endpoint()).unwrap_err().field(), Some("blacklist_add"));
    }

    #[test]
    fn reads_the_blacklist() {
        let r = GetGroupAddBlacklist.build(&endpoint()).unwrap();
        assert_eq!(
            (&*r.path, r.query.clone()),
            ("/privacy/disallowed-contacts", vec![("type".into(), "groupAdd".into())])
        );
        let list =
            GetGroupAddBlacklist.parse(&HttpResponse::new(200, r#"{"disallowedContacts":["5511999999999"]}"#)).unwrap();
        assert_eq!(list, vec!["5511999999999".to_owned()]);
        assert_eq!(GetGroupAddBlacklist.parse(&HttpResponse::new(200, "{}")).unwrap(), Vec::<String>::new());
    }
}
