"""Members, groups, meetings and lines of effort, as the partner API lists them.

Ids are translation keys: one UUID for a member in every language, the same UUID statements use
for their issuers and meetings.
"""

from . import records


def member_record(member):
    return {
        **records.member_record(member),
        "official_name": member.official_name,
        "region": member.region.slug if member.region else None,
        "joined_on": member.joined_on.isoformat() if member.joined_on else None,
        "joined_on_precision": member.joined_on_precision,
        "join_order": member.join_order,
        "founding": member.founding,
    }


def group_record(group):
    return {
        "id": str(group.translation_key),
        "slug": group.slug,
        "name": group.name,
        "description": group.description,
        "established_on": group.established_on.isoformat() if group.established_on else None,
        "roles": [
            {
                "member": records.member_record(role.member),
                "role": role.role,
                "started_on": role.started_on.isoformat() if role.started_on else None,
                "ended_on": role.ended_on.isoformat() if role.ended_on else None,
            }
            for role in group.roles.all()
        ],
    }


def meeting_record(meeting):
    return {
        **records.meeting_record(meeting),
        "format": meeting.format,
        "group": meeting.group.slug if meeting.group else None,
        "participant_count": meeting.participant_count,
        "hosts": [
            {"member": records.member_record(host.member), "role": host.role}
            for host in meeting.hosts.all()
        ],
    }


def line_of_effort_record(line):
    return {
        "id": str(line.translation_key),
        "slug": line.slug,
        "name": line.name,
        "summary": line.summary,
    }
