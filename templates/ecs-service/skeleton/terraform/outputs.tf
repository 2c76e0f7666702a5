output "service_name" {
  value = aws_ecs_service.this.name
}
{% if values.mode != 'service-discovery' %}

output "service_connect_endpoint" {
  description = "For ECS services with Service Connect on in namespace ${{ values.serviceConnect.namespaceName }}.{% if values.mode == 'migrate' %} They call it instead of the App Mesh virtual service.{% endif %}"
  value       = "${{ values.serviceConnect.aliasDnsName }}:${{ values.serviceConnect.aliasPort }}"
}
{% endif %}
{% if values.mode in ['service-discovery', 'both'] %}

output "dns_name" {
  description = "What anything in the VPC resolves (${{ values.serviceDiscovery.recordType }} records, TTL ${{ values.serviceDiscovery.ttl }} s)."
  value       = "${{ values.serviceDiscovery.name }}.${{ values.serviceDiscovery.namespaceName }}"
}
{% endif %}
